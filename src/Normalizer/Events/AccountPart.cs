using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>A business-level change (template status, account update, quality update…).</summary>
public sealed record AccountPart
{
    /// <summary>The webhook field, e.g. message_template_status_update, account_update.</summary>
    [Description("The webhook field, e.g. message_template_status_update, account_update.")]
    public required string Field { get; init; }

    /// <summary>The event named in the change, where there is one (APPROVED, REJECTED, VERIFIED_ACCOUNT…).</summary>
    [Description("The event named in the change, where there is one (APPROVED, REJECTED, VERIFIED_ACCOUNT…).")]
    public string? Event { get; init; }
}
