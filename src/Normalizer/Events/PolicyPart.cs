using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>A Messenger Platform policy enforcement on the Page (<c>messaging_policy_enforcement</c>).</summary>
public sealed record PolicyPart
{
    /// <summary>warning, block or unblock.</summary>
    [Description("warning, block or unblock.")]
    public required string Action { get; init; }

    /// <summary>Why the Page was warned or blocked; absent on unblock.</summary>
    [Description("Why the Page was warned or blocked; absent on unblock.")]
    public string? Reason { get; init; }
}
