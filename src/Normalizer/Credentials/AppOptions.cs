namespace Normalizer.Credentials;

/// <summary>One configured Meta app (<c>Normalizer:Apps:N</c>). A class, not a record: a generated ToString would print the secret.</summary>
public sealed class AppOptions
{
    /// <summary>The app id (<c>Normalizer__Apps__N__Id</c>).</summary>
    public string Id { get; set; } = "";

    /// <summary>The app secret, for appsecret_proof (<c>Normalizer__Apps__N__Secret</c>).</summary>
    public string Secret { get; set; } = "";

    /// <summary>The app access token, for the ID Matching API (<c>Normalizer__Apps__N__AccessToken</c>).</summary>
    public string? AccessToken { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"app {Id}";
}
