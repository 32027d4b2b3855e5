namespace Normalizer.Testing.FakeGraph;

// Queries used while answering a request; each takes the lock and returns a snapshot.
internal sealed partial class FakeGraphState
{
    public FakeApp? App(string id)
    {
        lock (_gate)
        {
            return _apps.GetValueOrDefault(id);
        }
    }

    public FakePage? Page(string id)
    {
        lock (_gate)
        {
            return _pages.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<FakePage> PagesWithToken(string token)
    {
        lock (_gate)
        {
            return [.. _pages.Values.Where(p => p.AccessToken == token)];
        }
    }

    public FakeApp? AppWithToken(string token)
    {
        lock (_gate)
        {
            return _apps.Values.FirstOrDefault(a => a.AppToken == token);
        }
    }

    public IReadOnlyList<FakePage> AllPages()
    {
        lock (_gate)
        {
            return [.. _pages.Values];
        }
    }

    public IReadOnlyList<FakeApp> AllApps()
    {
        lock (_gate)
        {
            return [.. _apps.Values];
        }
    }

    public FakeUser? User(string pageId, string userId)
    {
        lock (_gate)
        {
            return _users.GetValueOrDefault((pageId, userId));
        }
    }

    public IReadOnlyList<FakeUser> UsersOf(string pageId)
    {
        lock (_gate)
        {
            return [.. _users.Values.Where(u => u.PageId == pageId)];
        }
    }

    public bool IsReset(string pageId, string userId)
    {
        lock (_gate)
        {
            return _reset.Contains((pageId, userId));
        }
    }

    public IReadOnlyList<FakeWhatsAppUser> WhatsAppUsersOf(string phoneNumberId)
    {
        lock (_gate)
        {
            return [.. _whatsAppUsers.Where(u => u.PhoneNumberId == phoneNumberId)];
        }
    }

    /// <summary>page id → PSID for an ASID of the given app; empty when the ASID is unknown or from another app.</summary>
    public IReadOnlyDictionary<string, string> PsidsOfAsid(string asid, string appId)
    {
        lock (_gate)
        {
            return _asids.TryGetValue(asid, out var entry) && entry.AppId == appId
                ? new Dictionary<string, string>(entry.PsidByPage)
                : new Dictionary<string, string>();
        }
    }

    /// <summary>(asid, app id) pairs linked to a PSID on a page.</summary>
    public IReadOnlyList<(string Asid, string AppId)> AsidsOfPsid(string pageId, string psid)
    {
        lock (_gate)
        {
            return [.. _asids.Where(a => a.Value.PsidByPage.GetValueOrDefault(pageId) == psid)
                .Select(a => (a.Key, a.Value.AppId))];
        }
    }

    public IReadOnlyList<FakePage> PagesLinkedTo(string facebookPageId)
    {
        lock (_gate)
        {
            return [.. _pages.Values.Where(p => p.LinkedPageId == facebookPageId)];
        }
    }
}
