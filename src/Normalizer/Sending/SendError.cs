using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Normalizer.Sending;

/// <summary>Why a send failed: the taxonomy kind plus Meta's own identifiers (README: sending).</summary>
public sealed record SendError
{
    /// <summary>The class of failure.</summary>
    [Description("The class of failure.")]
    public required SendErrorKind Kind { get; init; }

    /// <summary>Meta's error code, when Meta answered; null otherwise (written as null).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [Description("Meta's error code, when Meta answered; null when the failure is Normalizer's own or Meta gave none.")]
    public int? Code { get; init; }

    /// <summary>Meta's error subcode.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [Description("Meta's error subcode, or null.")]
    public int? Subcode { get; init; }

    /// <summary>Meta's message, or Normalizer's when the failure is its own (never a token or secret).</summary>
    [Description("Meta's message, or Normalizer's when the failure is its own (never a token or secret).")]
    public required string Message { get; init; }

    /// <summary>Meta's request trace id for support.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [Description("Meta's request trace id for support, or null.")]
    public string? FbtraceId { get; init; }
}
