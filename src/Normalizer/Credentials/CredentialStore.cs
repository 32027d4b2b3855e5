using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Normalizer.Channels;
using Normalizer.Events;

namespace Normalizer.Credentials;

/// <summary>
/// Configured pages and apps plus tokens set through the API, which are stored encrypted with Data Protection
/// and win over configuration for the same ID. Decrypted stored tokens are cached in memory: replaced on every
/// change made here, and reloaded after <see cref="CacheLifetime"/> so other instances' changes arrive too.
/// </summary>
internal sealed partial class CredentialStore : ICredentialStore
{
    /// <summary>The Data Protection purpose of stored page tokens; a new purpose would orphan every stored token.</summary>
    public const string ProtectorPurpose = "Normalizer.PageTokens.v1";

    public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(1);

    private readonly IOptionsMonitor<CredentialOptions> _options;
    private readonly IPageTokenStore _tokens;
    private readonly IDataProtector _protector;
    private readonly TimeProvider _time;
    private readonly ILogger<CredentialStore> _logger;
    private readonly SemaphoreSlim _loadLock = new(1, 1);
    private volatile Snapshot? _snapshot;
    private int _version;

    public CredentialStore(IOptionsMonitor<CredentialOptions> options, IPageTokenStore tokens, IDataProtectionProvider protection,
        TimeProvider time, ILogger<CredentialStore> logger)
    {
        _options = options;
        _tokens = tokens;
        _protector = protection.CreateProtector(ProtectorPurpose);
        _time = time;
        _logger = logger;
    }

    public async Task<PageCredentials?> FindPageAsync(string pageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pageId);
        var stored = await GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var page = stored.Pages.TryGetValue(pageId, out var s) ? s.Credentials : ConfiguredPages().FirstOrDefault(p => p.PageId == pageId);
        return page is null ? null : WithAppSecret(page);
    }

    public async Task<IReadOnlyList<PageCredentials>> ListPagesAsync(Platform? platform, CancellationToken cancellationToken)
    {
        var stored = await GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        return stored.Pages.Values.Select(s => s.Credentials)
            .Concat(ConfiguredPages().Where(p => !stored.Pages.ContainsKey(p.PageId)))
            .Where(p => platform is null || p.Platform == platform)
            .OrderBy(p => p.PageId, StringComparer.Ordinal)
            .Select(WithAppSecret)
            .ToList();
    }

    public Task<AppCredentials?> FindAppAsync(string appId, CancellationToken cancellationToken) =>
        Task.FromResult(FindConfiguredApp(appId));

    /// <summary>Every known page without its token: stored ones first in precedence, then the configured rest.</summary>
    public async Task<IReadOnlyList<PageEntry>> ListEntriesAsync(CancellationToken cancellationToken)
    {
        var stored = await GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        return stored.Pages.Values.Select(s => ToEntry(s.Credentials, PageSource.Api, s.UpdatedAt))
            .Concat(ConfiguredPages().Where(p => !stored.Pages.ContainsKey(p.PageId)).Select(p => ToEntry(p, PageSource.Config, null)))
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Stores (encrypted) or replaces the token of a page; <c>Created</c> is false when it replaced one.</summary>
    public async Task<(PageEntry Entry, bool Created)> SetAsync(PageTokenUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var now = _time.GetUtcNow();
        var row = new StoredPageToken
        {
            PageId = update.PageId, Platform = update.Platform.ToWire(), ProtectedToken = _protector.Protect(update.AccessToken),
            AppId = update.AppId, LinkedPageId = update.LinkedPageId,
            CreatedAt = now.ToUnixTimeMilliseconds(), UpdatedAt = now.ToUnixTimeMilliseconds(),
        };
        var created = await _tokens.UpsertAsync(row, cancellationToken).ConfigureAwait(false);
        Invalidate();
        LogTokenSet(_logger, update.Platform.ToWire(), update.PageId);
        var credentials = new PageCredentials
        {
            PageId = update.PageId, Platform = update.Platform, AccessToken = update.AccessToken,
            AppId = update.AppId, LinkedPageId = update.LinkedPageId,
        };
        return (ToEntry(credentials, PageSource.Api, DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedAt)), created);
    }

    /// <summary>Removes a token set through the API (configuration, if any, applies again); false when there was none.</summary>
    public async Task<bool> RemoveAsync(string pageId, CancellationToken cancellationToken)
    {
        var removed = await _tokens.DeleteAsync(pageId, cancellationToken).ConfigureAwait(false);
        Invalidate();
        if (removed)
        {
            LogTokenRemoved(_logger, pageId);
        }

        return removed;
    }

    private void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _snapshot = null;
    }

    private async ValueTask<Snapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        if (_snapshot is { } current && _time.GetUtcNow() - current.LoadedAt < CacheLifetime)
        {
            return current;
        }

        await _loadLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_snapshot is { } again && _time.GetUtcNow() - again.LoadedAt < CacheLifetime)
            {
                return again;
            }

            var version = Volatile.Read(ref _version);
            var loaded = new Snapshot(Decrypt(await _tokens.ListAsync(cancellationToken).ConfigureAwait(false)), _time.GetUtcNow());
            if (version == Volatile.Read(ref _version))
            {
                _snapshot = loaded;
            }

            return loaded;
        }
        finally
        {
            _loadLock.Release();
        }
    }

    private Dictionary<string, StoredPage> Decrypt(IReadOnlyList<StoredPageToken> rows)
    {
        var pages = new Dictionary<string, StoredPage>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!PlatformNames.TryParse(row.Platform, out var platform))
            {
                continue;
            }

            string token;
            try
            {
                token = _protector.Unprotect(row.ProtectedToken);
            }
            catch (CryptographicException)
            {
                // The key ring changed (keys directory lost or another application name): set the token again.
                LogUndecryptable(_logger, row.PageId);
                continue;
            }

            pages[row.PageId] = new StoredPage(
                new PageCredentials
                {
                    PageId = row.PageId, Platform = platform, AccessToken = token, AppId = row.AppId, LinkedPageId = row.LinkedPageId,
                },
                DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedAt));
        }

        return pages;
    }

    private IEnumerable<PageCredentials> ConfiguredPages()
    {
        foreach (var page in _options.CurrentValue.Pages)
        {
            if (page is null || string.IsNullOrEmpty(page.Id) || string.IsNullOrEmpty(page.AccessToken) ||
                !PlatformNames.TryParse(page.Platform, out var platform))
            {
                continue;
            }

            yield return new PageCredentials
            {
                PageId = page.Id, Platform = platform, AccessToken = page.AccessToken,
                AppId = string.IsNullOrEmpty(page.AppId) ? null : page.AppId,
                LinkedPageId = string.IsNullOrEmpty(page.LinkedPageId) ? null : page.LinkedPageId,
            };
        }
    }

    private AppCredentials? FindConfiguredApp(string? appId)
    {
        if (string.IsNullOrEmpty(appId))
        {
            return null;
        }

        var app = _options.CurrentValue.Apps.FirstOrDefault(a => a is not null && a.Id == appId && !string.IsNullOrEmpty(a.Secret));
        return app is null
            ? null
            : new AppCredentials { AppId = app.Id, Secret = app.Secret, AccessToken = string.IsNullOrEmpty(app.AccessToken) ? null : app.AccessToken };
    }

    private PageCredentials WithAppSecret(PageCredentials page) => FindConfiguredApp(page.AppId) is { } app
        ? new PageCredentials
        {
            PageId = page.PageId, Platform = page.Platform, AccessToken = page.AccessToken, AppId = page.AppId,
            AppSecret = app.Secret, LinkedPageId = page.LinkedPageId,
        }
        : page;

    private static PageEntry ToEntry(PageCredentials page, PageSource source, DateTimeOffset? updatedAt) =>
        new(page.PageId, page.Platform, page.AppId, page.LinkedPageId, source, TokenHint.Of(page.AccessToken), updatedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Token of {Platform} page {PageId} set through the API")]
    private static partial void LogTokenSet(ILogger logger, string platform, string pageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Token of page {PageId} removed through the API")]
    private static partial void LogTokenRemoved(ILogger logger, string pageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored token of page {PageId} cannot be decrypted (Data Protection keys lost or changed); set it again")]
    private static partial void LogUndecryptable(ILogger logger, string pageId);

    private sealed class StoredPage(PageCredentials credentials, DateTimeOffset updatedAt)
    {
        public PageCredentials Credentials { get; } = credentials;

        public DateTimeOffset UpdatedAt { get; } = updatedAt;
    }

    private sealed class Snapshot(IReadOnlyDictionary<string, StoredPage> pages, DateTimeOffset loadedAt)
    {
        public IReadOnlyDictionary<string, StoredPage> Pages { get; } = pages;

        public DateTimeOffset LoadedAt { get; } = loadedAt;
    }
}
