using System.ComponentModel;
using System.Text.Json;
using Normalizer.Events;

namespace Normalizer.Sending;

/// <summary>The body of <c>POST /v1/messages</c> (README: sending).</summary>
public sealed record SendRequest
{
    /// <summary>Channel, where <see cref="To"/> does not tell it (a scoped ID).</summary>
    [Description("Channel, where To does not tell it (a scoped ID).")]
    public Platform? Platform { get; init; }

    /// <summary>Page / account / phone_number_id that owns the recipient ID, where it cannot be inferred.</summary>
    [Description("Page / account / phone_number_id that owns the recipient ID, where it cannot be inferred.")]
    public string? PageId { get; init; }

    /// <summary>A scoped ID (PSID, IGSID, wa_id, BSUID), a contact id, or a conversation id (<c>conv_…</c>).</summary>
    [Description("A scoped ID (PSID, IGSID, wa_id, BSUID), a contact id, or a conversation id (conv_…).")]
    public required string To { get; init; }

    /// <summary>What to send.</summary>
    [Description("What to send.")]
    public required OutboundMessage Message { get; init; }

    /// <summary>Messenger/Instagram: RESPONSE (default), UPDATE, MESSAGE_TAG or UTILITY.</summary>
    [Description("Messenger/Instagram: RESPONSE (default), UPDATE, MESSAGE_TAG or UTILITY.")]
    public string? MessagingType { get; init; }

    /// <summary>With MESSAGE_TAG: HUMAN_AGENT, CUSTOMER_FEEDBACK.</summary>
    [Description("With MESSAGE_TAG: HUMAN_AGENT, CUSTOMER_FEEDBACK.")]
    public string? Tag { get; init; }

    /// <summary>Channels to try, in order, when the recipient is unreachable on this one.</summary>
    [Description("Channels to try, in order, when the recipient is unreachable on this one.")]
    public IReadOnlyList<Platform>? FallbackChannels { get; init; }

    /// <summary>Keep the message and send it when the person writes again, rather than failing.</summary>
    [Description("Keep the message and send it when the person writes again, rather than failing.")]
    public bool QueueIfUnreachable { get; init; }

    /// <summary>Values for a named template (<see cref="OutboundMessage.Template"/>), besides the contact's profile.</summary>
    [Description("Values for a named template (Template), besides the contact's profile.")]
    public JsonElement? Data { get; init; }
}
