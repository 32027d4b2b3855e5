using Normalizer.Events;

namespace Normalizer.Testing.FakeGraph;

/// <summary>
/// The configuration of the standalone mode (<c>dotnet run --project tests/Normalizer.Testing -- --port 5090</c>).
/// Demo values only, valid nowhere but on this fake:
/// <list type="bullet">
/// <item>App 1000000000000001 "Normalizer Demo App", secret <c>demo-app-secret</c>, app token
/// <c>1000000000000001|demo-app-secret</c>; proof required.</item>
/// <item>Messenger Page 104523987765432 "Demo Shop", token <c>DEMO-FB-PAGE-TOKEN</c>; PSIDs 7723419865501234 (Ana García),
/// 1535748669783931 (Luis Pérez, ASID 10154673853349851), 7000000000000099 (reset: always 551).</item>
/// <item>Instagram account 17841405726653026 "demo.shop", token <c>DEMO-IG-TOKEN</c>; IGSID 1234567890123456 (@marta.demo).</item>
/// <item>WhatsApp phone_number_id 106540352242922, token <c>DEMO-WA-TOKEN</c>; wa_id 34600000000 (BSUID ES.7f3a9c2e1b).</item>
/// </list>
/// </summary>
public static class FakeGraphDemo
{
    public const string AppId = "1000000000000001";
    public const string AppSecret = "demo-app-secret";
    public const string AppToken = AppId + "|" + AppSecret;

    public const string MessengerPageId = "104523987765432";
    public const string MessengerToken = "DEMO-FB-PAGE-TOKEN";
    public const string InstagramAccountId = "17841405726653026";
    public const string InstagramToken = "DEMO-IG-TOKEN";
    public const string WhatsAppNumberId = "106540352242922";
    public const string WhatsAppToken = "DEMO-WA-TOKEN";

    public static void Configure(FakeGraphApi fake)
    {
        ArgumentNullException.ThrowIfNull(fake);
        fake.AddApp(AppId, AppSecret, AppToken, name: "Normalizer Demo App")
            .AddPage(MessengerPageId, Platform.Facebook, MessengerToken, AppId, name: "Demo Shop")
            .AddUser(MessengerPageId, "7723419865501234", new FakeProfile
            {
                FirstName = "Ana", LastName = "García", Locale = "es_ES", ProfilePic = "https://example.invalid/ana.jpg",
            })
            .AddUser(MessengerPageId, "1535748669783931", new FakeProfile { FirstName = "Luis", LastName = "Pérez", Locale = "es_ES" })
            .LinkAsid("10154673853349851", AppId, MessengerPageId, "1535748669783931")
            .AddUser(MessengerPageId, "7000000000000099")
            .MarkReset(MessengerPageId, "7000000000000099")
            .AddPage(InstagramAccountId, Platform.Instagram, InstagramToken, AppId, name: "demo.shop")
            .AddUser(InstagramAccountId, "1234567890123456", new FakeProfile { Name = "Marta", Username = "marta.demo" })
            .AddPage(WhatsAppNumberId, Platform.WhatsApp, WhatsAppToken, AppId, name: "+34 600 000 001")
            .AddWhatsAppUser(WhatsAppNumberId, "34600000000", bsuid: "ES.7f3a9c2e1b");
    }
}
