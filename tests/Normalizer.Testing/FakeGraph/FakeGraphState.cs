namespace Normalizer.Testing.FakeGraph;

/// <summary>What the fake knows of Meta's side, behind one lock: apps, assets, users, ASID links, resets.</summary>
internal sealed partial class FakeGraphState
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeApp> _apps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakePage> _pages = new(StringComparer.Ordinal);
    private readonly Dictionary<(string PageId, string UserId), FakeUser> _users = [];
    private readonly List<FakeWhatsAppUser> _whatsAppUsers = [];
    private readonly HashSet<(string PageId, string UserId)> _reset = [];
    private readonly Dictionary<string, AsidEntry> _asids = new(StringComparer.Ordinal);
    private long _messageCounter;

    public void AddApp(FakeApp app)
    {
        lock (_gate)
        {
            _apps[app.Id] = app;
        }
    }

    public void AddPage(FakePage page)
    {
        lock (_gate)
        {
            if (!_apps.ContainsKey(page.AppId))
            {
                throw new InvalidOperationException($"Add app {page.AppId} before page {page.Id}.");
            }

            _pages[page.Id] = page;
        }
    }

    public void AddUser(FakeUser user)
    {
        lock (_gate)
        {
            RequirePage(user.PageId);
            _users[(user.PageId, user.Id)] = user;
        }
    }

    public void AddWhatsAppUser(FakeWhatsAppUser user)
    {
        lock (_gate)
        {
            RequirePage(user.PhoneNumberId);
            _whatsAppUsers.Add(user);
        }
    }

    public void SetReset(string pageId, string userId, bool reset)
    {
        lock (_gate)
        {
            _ = reset ? _reset.Add((pageId, userId)) : _reset.Remove((pageId, userId));
        }
    }

    /// <summary>Links an ASID of an app to a PSID on a page; registers the PSID as a user of the page if needed.</summary>
    public void LinkAsid(string asid, string appId, string pageId, string psid)
    {
        lock (_gate)
        {
            RequirePage(pageId);
            if (!_apps.ContainsKey(appId))
            {
                throw new InvalidOperationException($"Unknown app {appId}.");
            }

            if (_asids.TryGetValue(asid, out var entry) && entry.AppId != appId)
            {
                throw new InvalidOperationException($"ASID {asid} already belongs to app {entry.AppId}.");
            }

            entry ??= _asids[asid] = new AsidEntry(appId);
            var previous = entry.PsidByPage.GetValueOrDefault(pageId);
            entry.PsidByPage[pageId] = psid;
            if (!_users.ContainsKey((pageId, psid)))
            {
                var profile = previous is null ? null : _users.GetValueOrDefault((pageId, previous))?.Profile;
                _users[(pageId, psid)] = new FakeUser(pageId, psid, profile);
            }
        }
    }

    public string? AppIdOfAsid(string asid)
    {
        lock (_gate)
        {
            return _asids.GetValueOrDefault(asid)?.AppId;
        }
    }

    public long NextMessageNumber() => Interlocked.Increment(ref _messageCounter);

    private void RequirePage(string pageId)
    {
        if (!_pages.ContainsKey(pageId))
        {
            throw new InvalidOperationException($"Add page {pageId} first.");
        }
    }

    private sealed class AsidEntry(string appId)
    {
        public string AppId { get; } = appId;

        public Dictionary<string, string> PsidByPage { get; } = new(StringComparer.Ordinal);
    }
}
