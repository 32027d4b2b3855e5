using Normalizer.Channels;
using Normalizer.Events;

namespace Normalizer.Credentials;

/// <summary>
/// Tokens per business ID and secrets per app, from configuration and from the API (stored encrypted).
/// A PSID only works with its own Page's token: callers look up the token by the ID's scope, never by platform.
/// </summary>
public interface ICredentialStore
{
    /// <summary>The credentials of a Page / Instagram account / phone_number_id, with its app's secret filled in.</summary>
    Task<PageCredentials?> FindPageAsync(string pageId, CancellationToken cancellationToken);

    /// <summary>Every known business ID of a platform (all when null).</summary>
    Task<IReadOnlyList<PageCredentials>> ListPagesAsync(Platform? platform, CancellationToken cancellationToken);

    /// <summary>An app's secret and token.</summary>
    Task<AppCredentials?> FindAppAsync(string appId, CancellationToken cancellationToken);
}
