namespace Normalizer.Testing.FakeGraph;

/// <summary>What <c>GET /{user-id}?fields=…</c> answers for a PSID or IGSID (Meta's User Profile API).</summary>
public sealed record FakeProfile
{
    /// <summary>A user whose account was created with a phone number: the profile call fails with 2018218.</summary>
    public static FakeProfile NotAvailable { get; } = new() { Unavailable = true };

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    /// <summary>Defaults to first and last name joined by a space.</summary>
    public string? Name { get; init; }

    public string? ProfilePic { get; init; }

    public string? Locale { get; init; }

    /// <summary>Instagram only.</summary>
    public string? Username { get; init; }

    /// <summary>The profile call answers 100/2018218 "No profile available for this user".</summary>
    public bool Unavailable { get; init; }

    internal string? DisplayName =>
        Name ?? (FirstName is null && LastName is null ? null : string.Join(' ', new[] { FirstName, LastName }.OfType<string>()));
}
