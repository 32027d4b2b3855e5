using System.Net.Http.Json;
using System.Text.Json;
using Normalizer.Events;
using Normalizer.Testing;
using Normalizer.Testing.FakeGraph;

namespace Normalizer.Host.Tests.Send;

/// <summary>A host wired to a fake Graph API with two Pages, an Instagram account and a WhatsApp number.</summary>
internal sealed class SendFixture : IAsyncDisposable
{
    public const string AppId = "1000000000000001";
    public const string AppSecret = "graph-app-secret-93kd";
    public const string PageA = "104523987765432";
    public const string PageB = "231198744410002";
    public const string TokenA = "PAGE-A-TOKEN-d83j2k";
    public const string TokenB = "PAGE-B-TOKEN-p02mzq";
    public const string Number = "106540352242922";
    public const string WaToken = "WA-TOKEN-7sk2la";
    public const string PsidA = "7723419865501234";
    public const string PsidB = "6541203398761122";
    public const string WaId = "34600000000";
    public const string Asid = "10154673853349851";

    private SendFixture(FakeGraphApi graph, NormalizerApplication app, ObservedFakeTimeProvider time)
    {
        Graph = graph;
        App = app;
        Time = time;
    }

    public FakeGraphApi Graph { get; }

    public NormalizerApplication App { get; }

    /// <summary>
    /// The host's clock: it moves only when a test advances it, so retry backoffs (the production defaults) and
    /// reply windows are driven by the test, never waited for.
    /// </summary>
    public ObservedFakeTimeProvider Time { get; }

    public static async Task<SendFixture> StartAsync()
    {
        var time = new ObservedFakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        var graph = await FakeGraphApi.StartAsync(g => g
            .AddApp(AppId, AppSecret)
            .AddPage(PageA, Platform.Facebook, TokenA, AppId)
            .AddPage(PageB, Platform.Facebook, TokenB, AppId)
            .AddPage(Number, Platform.WhatsApp, WaToken, AppId)
            .AddUser(PageA, PsidA, new FakeProfile { FirstName = "Ana", LastName = "Souza", Locale = "pt_BR" })
            .AddUser(PageB, PsidB)
            .AddWhatsAppUser(Number, WaId));
        var app = new NormalizerApplication(settings: new Dictionary<string, string?>
        {
            ["Normalizer:Graph:BaseUrl"] = graph.BaseUrl.ToString(),
            ["Normalizer:Graph:Version"] = "v25.0",
            ["Normalizer:Apps:0:Id"] = AppId,
            ["Normalizer:Apps:0:Secret"] = AppSecret,
            ["Normalizer:Apps:0:AccessToken"] = $"{AppId}|{AppSecret}",
            ["Normalizer:Pages:0:Id"] = PageA, ["Normalizer:Pages:0:Platform"] = "facebook", ["Normalizer:Pages:0:AccessToken"] = TokenA, ["Normalizer:Pages:0:AppId"] = AppId,
            ["Normalizer:Pages:1:Id"] = PageB, ["Normalizer:Pages:1:Platform"] = "facebook", ["Normalizer:Pages:1:AccessToken"] = TokenB, ["Normalizer:Pages:1:AppId"] = AppId,
            ["Normalizer:Pages:2:Id"] = Number, ["Normalizer:Pages:2:Platform"] = "whatsapp", ["Normalizer:Pages:2:AccessToken"] = WaToken, ["Normalizer:Pages:2:AppId"] = AppId,
        })
        {
            Time = time,
        };
        return new SendFixture(graph, app, time);
    }

    /// <summary>A customer message now (by the host's clock), so the reply window is open; waits until it is stored.</summary>
    public async Task InboundAsync(string pageId, string psid, TimeSpan? ago = null)
    {
        var at = Time.GetUtcNow() - (ago ?? TimeSpan.Zero);
        var before = (await App.WaitForEventsAsync(0)).Count;
        await App.PostWebhookAsync(SendBodies.MessengerText(pageId, psid, "m_" + Guid.NewGuid().ToString("N"), at));
        await App.WaitForEventsAsync(before + 1);
    }

    public async Task InboundWhatsAppAsync(string waId)
    {
        var before = (await App.WaitForEventsAsync(0)).Count;
        await App.PostWebhookAsync(SendBodies.WhatsAppText(Number, waId, "wamid." + Guid.NewGuid().ToString("N"), Time.GetUtcNow()));
        await App.WaitForEventsAsync(before + 1);
    }

    public async Task<(int Status, JsonElement Body)> SendAsync(object request)
    {
        using var api = App.Api();
        SchemaFiles.AssertValid("send-request.schema.json", JsonSerializer.Serialize(request));
        var response = await api.PostAsJsonAsync("/v1/messages", request);
        var text = await response.Content.ReadAsStringAsync();
        SchemaFiles.AssertValid("send-result.schema.json", text);
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<JsonElement> ContactAsync(string scopedId, string scopeId)
    {
        using var api = App.Api();
        var page = await api.GetFromJsonAsync<JsonElement>($"/v1/contacts?scoped_id={scopedId}&scope_id={scopeId}");
        return page.GetProperty("data").EnumerateArray().Single();
    }

    /// <summary>Waits until the contact's profile is cached (its identity check is done).</summary>
    public Task WaitForProfileAsync(string scopedId, string scopeId) =>
        WaitAsync(async () => (await ContactAsync(scopedId, scopeId)).GetProperty("profile").ValueKind == JsonValueKind.Object);

    /// <summary>
    /// Waits until the identity worker has looked at every event stored so far: the checks run in order of the stored events,
    /// so once a later customer's profile is cached, every event before it has been looked at.
    /// </summary>
    public async Task WaitForIdentityWorkerAsync()
    {
        const string marker = "5599999999999999";
        Graph.AddUser(PageA, marker, new FakeProfile { FirstName = "Marker", LastName = "Last" });
        await InboundAsync(PageA, marker);
        await WaitForProfileAsync(marker, PageA);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds, for at most 20 seconds.</summary>
    public static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Graph.DisposeAsync();
    }
}
