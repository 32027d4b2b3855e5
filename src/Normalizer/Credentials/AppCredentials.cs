namespace Normalizer.Credentials;

/// <summary>A Meta app: its secret (appsecret_proof) and app token (ID matching). Never logged or serialized.</summary>
public sealed class AppCredentials
{
    /// <summary>The app id.</summary>
    public required string AppId { get; init; }

    /// <summary>The app secret.</summary>
    public required string Secret { get; init; }

    /// <summary>The app access token (<c>{app-id}|{app-secret}</c> works too).</summary>
    public string? AccessToken { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"credentials of app {AppId}";
}
