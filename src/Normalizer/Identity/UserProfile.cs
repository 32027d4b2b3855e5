using System.ComponentModel;

namespace Normalizer.Identity;

/// <summary>Profile fields of a contact, fetched once from the Graph API and cached.</summary>
public sealed record UserProfile
{
    /// <summary>First name (Messenger).</summary>
    [Description("First name (Messenger).")]
    public string? FirstName { get; init; }

    /// <summary>Last name (Messenger).</summary>
    [Description("Last name (Messenger).")]
    public string? LastName { get; init; }

    /// <summary>Full name (Instagram, WhatsApp profile name).</summary>
    [Description("Full name (Instagram; WhatsApp profile name).")]
    public string? Name { get; init; }

    /// <summary>Instagram or WhatsApp username.</summary>
    [Description("Instagram or WhatsApp username.")]
    public string? Username { get; init; }

    /// <summary>Profile picture URL (expires).</summary>
    [Description("Profile picture URL (Meta's URLs expire).")]
    public string? ProfilePic { get; init; }

    /// <summary>Locale, e.g. pt_BR.</summary>
    [Description("Locale, e.g. pt_BR (Messenger, with pages_user_locale).")]
    public string? Locale { get; init; }
}
