using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>What the webhook said about the customer (WhatsApp).</summary>
public sealed record ContactPart
{
    /// <summary>The customer's phone number (wa_id).</summary>
    [Description("The customer's phone number (wa_id).")]
    public string? WaId { get; init; }

    /// <summary>The customer's business-scoped user ID (BSUID).</summary>
    [Description("The customer's business-scoped user ID (BSUID).")]
    public string? UserId { get; init; }

    /// <summary>The parent BSUID for multi-portfolio businesses.</summary>
    [Description("The parent BSUID for multi-portfolio businesses.")]
    public string? ParentUserId { get; init; }

    /// <summary>Profile name.</summary>
    [Description("Profile name.")]
    public string? Name { get; init; }

    /// <summary>WhatsApp username.</summary>
    [Description("WhatsApp username.")]
    public string? Username { get; init; }
}
