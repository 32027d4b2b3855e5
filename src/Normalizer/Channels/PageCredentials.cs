using Normalizer.Events;

namespace Normalizer.Channels;

/// <summary>
/// What a sender needs to call Meta for one business ID: its token and its app's secret (for
/// appsecret_proof). Never logged, never serialized.
/// </summary>
public sealed class PageCredentials
{
    /// <summary>Page ID, Instagram account ID or WhatsApp phone_number_id.</summary>
    public required string PageId { get; init; }

    /// <summary>The channel of that ID.</summary>
    public required Platform Platform { get; init; }

    /// <summary>Page / Instagram / system-user access token.</summary>
    public required string AccessToken { get; init; }

    /// <summary>The app the token belongs to.</summary>
    public string? AppId { get; init; }

    /// <summary>That app's secret, when known: every call then carries appsecret_proof.</summary>
    public string? AppSecret { get; init; }

    /// <summary>Instagram: the Page linked to the account, when sending through the Facebook-Login path.</summary>
    public string? LinkedPageId { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"credentials of {Platform.ToWire()} {PageId}";
}
