using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>A WhatsApp Business Calling API call: its id, who placed it, its state and its times.</summary>
public sealed record CallPart
{
    /// <summary>The WhatsApp call id (wacid.…).</summary>
    [Description("The WhatsApp call id (wacid.…), the id to accept, reject or terminate the call by.")]
    public required string Id { get; init; }

    /// <summary>USER_INITIATED (the customer called) or BUSINESS_INITIATED.</summary>
    [Description("USER_INITIATED (the customer called) or BUSINESS_INITIATED (the business called the customer).")]
    public string? Direction { get; init; }

    /// <summary>A business call's progress (RINGING, ACCEPTED, REJECTED) or how a call ended (COMPLETED, FAILED).</summary>
    [Description("A business call's progress (RINGING, ACCEPTED, REJECTED) or how a call ended (COMPLETED, FAILED).")]
    public string? Status { get; init; }

    /// <summary>Connect: the SDP offer or answer Meta sent (session.sdp_type); the SDP itself stays in raw.</summary>
    [Description("Connect: whether Meta sent an SDP offer (a customer calls) or answer (a business call) (session.sdp_type); the SDP itself stays in raw.")]
    public string? SdpType { get; init; }

    /// <summary>Terminate: when the call started, Unix seconds.</summary>
    [Description("Terminate: when the call started, Unix seconds.")]
    public long? StartTime { get; init; }

    /// <summary>Terminate: when the call ended, Unix seconds.</summary>
    [Description("Terminate: when the call ended, Unix seconds.")]
    public long? EndTime { get; init; }

    /// <summary>Terminate: how long the call lasted, in seconds.</summary>
    [Description("Terminate: how long the call lasted, in seconds.")]
    public long? Duration { get; init; }

    /// <summary>The callback data the business set when it accepted or placed the call.</summary>
    [Description("The callback data the business set when it accepted or placed the call.")]
    public string? BizOpaqueCallbackData { get; init; }

    /// <summary>Why the call failed.</summary>
    [Description("Why the call failed (errors[]).")]
    public IReadOnlyList<MetaErrorPart>? Errors { get; init; }
}
