namespace Normalizer.Credentials;

/// <summary>
/// One configured business ID (<c>Normalizer:Pages:N</c>): a Facebook Page, an Instagram account or a WhatsApp
/// phone_number_id. A class, not a record: a generated ToString would print the token.
/// </summary>
public sealed class PageOptions
{
    /// <summary>Page ID, Instagram account ID or WhatsApp phone_number_id (<c>Normalizer__Pages__N__Id</c>).</summary>
    public string Id { get; set; } = "";

    /// <summary><c>facebook</c>, <c>instagram</c> or <c>whatsapp</c> (<c>Normalizer__Pages__N__Platform</c>).</summary>
    public string Platform { get; set; } = "";

    /// <summary>Page / Instagram / system-user access token (<c>Normalizer__Pages__N__AccessToken</c>).</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>The app the token belongs to; its secret signs calls with appsecret_proof (<c>Normalizer__Pages__N__AppId</c>).</summary>
    public string? AppId { get; set; }

    /// <summary>Instagram through a Facebook Page: that Page's ID (<c>Normalizer__Pages__N__LinkedPageId</c>).</summary>
    public string? LinkedPageId { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"page {Id}";
}
