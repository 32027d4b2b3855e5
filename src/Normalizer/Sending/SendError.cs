using System.ComponentModel;
namespace Normalizer.Sending;

/// <summary>Why a send failed: the taxonomy kind plus Meta's own identifiers (README: sending).</summary>
public sealed record SendError
{
    /// <summary>The class of failure.</summary>
    [Description("The class of failure.")]
    public required SendErrorKind Kind { get; init; }

    /// <summary>Meta's error code, when Meta answered.</summary>
    [Description("Meta's error code, when Meta answered.")]
    public int? Code { get; init; }

    /// <summary>Meta's error subcode.</summary>
    [Description("Meta's error subcode.")]
    public int? Subcode { get; init; }

    /// <summary>Meta's message, or Normalizer's when the failure is its own (never a token or secret).</summary>
    [Description("Meta's message, or Normalizer's when the failure is its own (never a token or secret).")]
    public required string Message { get; init; }

    /// <summary>Meta's request trace id for support.</summary>
    [Description("Meta's request trace id for support.")]
    public string? FbtraceId { get; init; }
}
