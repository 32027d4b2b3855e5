using Normalizer.Events;

namespace Normalizer.Testing.FakeGraph;

// Fluent configuration; safe to call while the server runs (one lock guards the state, scripts become WireMock mappings).
public sealed partial class FakeGraphApi
{
    /// <summary>
    /// Adds an app. <paramref name="appToken"/> defaults to Meta's <c>{app-id}|{app-secret}</c>. With a secret,
    /// every call with the app's tokens needs <c>appsecret_proof</c> unless <paramref name="requireProof"/> is false
    /// (ID-matching edges need it regardless).
    /// </summary>
    public FakeGraphApi AddApp(string appId, string? secret, string? appToken = null, string? name = null, bool requireProof = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        _state.AddApp(new FakeApp(appId, name ?? "App " + appId, secret, appToken ?? $"{appId}|{secret}", requireProof));
        return this;
    }

    /// <summary>
    /// Adds a Facebook Page, an Instagram account or a WhatsApp phone number (its <c>phone_number_id</c>), with its
    /// access token and the app that owns the token. Several assets may share one token (a Page and its linked IG
    /// account under Facebook Login); <c>/me</c> then means the first one added.
    /// </summary>
    public FakeGraphApi AddPage(
        string pageId, Platform platform, string accessToken, string appId, string? name = null, string? linkedPageId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(pageId);
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        _state.AddPage(new FakePage(pageId, platform, name ?? "Page " + pageId, accessToken, appId, linkedPageId));
        return this;
    }

    /// <summary>A person known to a Page (PSID) or an IG account (IGSID); sends to anyone else answer 100/2018001.</summary>
    public FakeGraphApi AddUser(string pageId, string userId, FakeProfile? profile = null)
    {
        _state.AddUser(new FakeUser(pageId, userId, profile));
        return this;
    }

    /// <summary>
    /// A WhatsApp user of a number: <c>wa_id</c>, optional BSUID, and optionally another spelling of the phone that
    /// resolves to that <c>wa_id</c>. Unknown numbers are still accepted, as the Cloud API does (failures come by webhook).
    /// </summary>
    public FakeGraphApi AddWhatsAppUser(string phoneNumberId, string waId, string? bsuid = null, string? phone = null)
    {
        _state.AddWhatsAppUser(new FakeWhatsAppUser(phoneNumberId, waId, bsuid, phone));
        return this;
    }

    /// <summary>Links an ASID of <paramref name="appId"/> to a PSID on a Page (registering the PSID if needed).</summary>
    public FakeGraphApi LinkAsid(string asid, string appId, string pageId, string psid)
    {
        _state.LinkAsid(asid, appId, pageId, psid);
        return this;
    }

    /// <summary>
    /// The person behind <paramref name="asid"/> now has <paramref name="newPsid"/> on the Page (e.g. after a PSID
    /// reset); the new PSID becomes a known user with the old PSID's profile.
    /// </summary>
    public FakeGraphApi RelinkAsid(string asid, string pageId, string newPsid)
    {
        var appId = _state.AppIdOfAsid(asid) ?? throw new InvalidOperationException($"Link ASID {asid} first.");
        _state.LinkAsid(asid, appId, pageId, newPsid);
        return this;
    }

    /// <summary>
    /// Sends to this recipient always fail: 551/1545041 on Messenger and Instagram, 131026 on WhatsApp (by wa_id
    /// or BSUID). <paramref name="reset"/> false undoes it.
    /// </summary>
    public FakeGraphApi MarkReset(string pageId, string userId, bool reset = true)
    {
        _state.SetReset(pageId, userId, reset);
        return this;
    }

    /// <summary>Scripts the answers to sends of a Page / IG account / WhatsApp number, optionally to one recipient only.</summary>
    public FakeGraphScript Script(string pageId, string? recipient = null) => Script(FakeGraphCallKind.Send, pageId, recipient);

    /// <summary>
    /// Scripts the answers to another kind of call. <paramref name="target"/> is the Page for Page-token calls
    /// (ids_for_apps, profile, pages_id_mapping) and the app for <c>ids_for_pages</c>; <paramref name="subject"/>
    /// the user id in the path, or null for all.
    /// </summary>
    public FakeGraphScript Script(FakeGraphCallKind kind, string target, string? subject = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        return new FakeGraphScript(_scripts, new ScriptKey(kind, target, subject));
    }

    /// <summary>How many scripted answers have not been used yet.</summary>
    public int PendingScripts => _scripts.Pending;

    public IReadOnlyList<FakeApp> Apps => _state.AllApps();

    public IReadOnlyList<FakePage> Pages => _state.AllPages();

    public IReadOnlyList<FakeUser> UsersOf(string pageId) => _state.UsersOf(pageId);

    public IReadOnlyList<FakeWhatsAppUser> WhatsAppUsersOf(string phoneNumberId) => _state.WhatsAppUsersOf(phoneNumberId);
}
