using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>A WhatsApp system message.</summary>
public sealed record SystemPart
{
    /// <summary>user_changed_number, user_changed_user_id, customer_identity_changed…</summary>
    [Description("user_changed_number, user_changed_user_id, customer_identity_changed…")]
    public string? Type { get; init; }

    /// <summary>Text of the system message.</summary>
    [Description("Text of the system message.")]
    public string? Body { get; init; }

    /// <summary>The user's current wa_id.</summary>
    [Description("The user's current wa_id.")]
    public string? WaId { get; init; }

    /// <summary>The user's new wa_id after a number change.</summary>
    [Description("The user's new wa_id after a number change.")]
    public string? NewWaId { get; init; }

    /// <summary>The user's BSUID.</summary>
    [Description("The user's BSUID.")]
    public string? UserId { get; init; }

    /// <summary>The user's new BSUID after a change.</summary>
    [Description("The user's new BSUID after a change.")]
    public string? NewUserId { get; init; }
}
