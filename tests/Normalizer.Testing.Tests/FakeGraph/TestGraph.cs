using Normalizer.Events;
using Normalizer.Testing.FakeGraph;

namespace Normalizer.Testing.Tests.FakeGraph;

/// <summary>The configuration the tests run against.</summary>
internal static class TestGraph
{
    public const string AppId = "111";
    public const string AppSecret = "app-secret-111";
    public const string AppToken = AppId + "|" + AppSecret;
    public const string OtherAppId = "222";
    public const string OtherAppSecret = "app-secret-222";

    public const string PageId = "1001";
    public const string PageToken = "fb-token-1001";
    public const string Page2Id = "1002";
    public const string Page2Token = "fb-token-1002";
    public const string OtherAppPageId = "2001";
    public const string OtherAppPageToken = "fb-token-2001";

    public const string IgAccountId = "17841400000000001";
    public const string IgToken = "ig-token";
    public const string LinkedIgAccountId = "17841400000000002";

    public const string WaNumberId = "109000000000001";
    public const string WaToken = "wa-token";

    public const string Psid = "7000000000000001";
    public const string ResetPsid = "7000000000000002";
    public const string Page2Psid = "7100000000000001";
    public const string Igsid = "8000000000000001";
    public const string LinkedIgsid = "8000000000000002";
    public const string WaId = "34600000000";
    public const string Bsuid = "ES.abc123";

    public const string Asid = "5000000000000001";
    public const string OtherAppAsid = "5000000000000009";

    public static Task<FakeGraphApi> StartAsync(Action<FakeGraphApi>? more = null) => FakeGraphApi.StartAsync(g =>
    {
        g.AddApp(AppId, AppSecret, name: "Test App")
            .AddApp(OtherAppId, OtherAppSecret, name: "Other App", requireProof: false)
            .AddPage(PageId, Platform.Facebook, PageToken, AppId, name: "Test Page")
            .AddPage(Page2Id, Platform.Facebook, Page2Token, AppId, name: "Second Page")
            .AddPage(OtherAppPageId, Platform.Facebook, OtherAppPageToken, OtherAppId)
            .AddPage(IgAccountId, Platform.Instagram, IgToken, AppId, name: "test.ig")
            .AddPage(LinkedIgAccountId, Platform.Instagram, PageToken, AppId, linkedPageId: PageId)
            .AddPage(WaNumberId, Platform.WhatsApp, WaToken, AppId)
            .AddUser(PageId, Psid, new FakeProfile
            {
                FirstName = "Ana", LastName = "García", Locale = "es_ES", ProfilePic = "https://example.invalid/ana.jpg",
            })
            .AddUser(PageId, ResetPsid)
            .MarkReset(PageId, ResetPsid)
            .AddUser(IgAccountId, Igsid, new FakeProfile { Name = "Marta", Username = "marta.ig" })
            .AddUser(LinkedIgAccountId, LinkedIgsid)
            .AddWhatsAppUser(WaNumberId, WaId, Bsuid)
            .LinkAsid(Asid, AppId, PageId, Psid)
            .LinkAsid(Asid, AppId, Page2Id, Page2Psid)
            .LinkAsid(OtherAppAsid, OtherAppId, OtherAppPageId, "7200000000000001");
        more?.Invoke(g);
    });

    public static string Text(string psid, string text = "hello") =>
        $$$"""{"recipient":{"id":"{{{psid}}}"},"messaging_type":"RESPONSE","message":{"text":"{{{text}}}"}}""";

    public static string WhatsAppText(string to) =>
        $$$"""{"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{to}}}","type":"text","text":{"body":"Hola"}}""";
}
