using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>An entry of the WhatsApp Business app's address book, synced to the Cloud API (Coexistence).</summary>
public sealed record ContactSyncPart
{
    /// <summary>add (added or edited) or remove.</summary>
    [Description("add (the contact was added or edited) or remove.")]
    public required string Action { get; init; }

    /// <summary>The contact's WhatsApp phone number.</summary>
    [Description("The contact's WhatsApp phone number.")]
    public string? PhoneNumber { get; init; }

    /// <summary>The full name in the address book; absent on remove.</summary>
    [Description("The full name in the address book; absent on remove.")]
    public string? FullName { get; init; }

    /// <summary>The first name in the address book; absent on remove.</summary>
    [Description("The first name in the address book; absent on remove.")]
    public string? FirstName { get; init; }
}
