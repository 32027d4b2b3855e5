using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Normalizer.Testing.Subscriber;
using static Microsoft.Playwright.Assertions;

namespace Normalizer.WebConsole.Tests;

/// <summary>The console in a real browser against the real host: login, the live stream, detail, filters, replay, every view.</summary>
public sealed class ConsoleTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static ConsoleTests() => SetDefaultExpectTimeout(20_000);

    private ConsoleHost Host => fixture.Host;

    [Fact]
    public async Task Login_PostedWebhookAppearsLive_KeyOnlyInSessionStorage()
    {
        var (page, context) = await LogInAsync();
        var pageId = NewId();
        await Webhooks.PostAsync(Host, Webhooks.Message("page", pageId, "7100000000000001", "m_live_" + pageId, "hello live"));

        var row = EventRow(page, pageId);
        await Expect(row).ToContainTextAsync("message.received");
        await Expect(row).ToContainTextAsync("facebook");
        await ScreenshotAsync(page, "events");

        Assert.Empty(await context.CookiesAsync());
        Assert.Equal(ConsoleHost.ApiKey, await page.EvaluateAsync<string>("sessionStorage.getItem('normalizer.apiKey')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("localStorage.length"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task Login_WrongKey_StaysOnTheLoginFormWithTheReason()
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("API key").FillAsync("not-the-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The API key is not valid");
        await Expect(page.GetByRole(AriaRole.Navigation)).ToBeHiddenAsync();
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('normalizer.apiKey')"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task EventDetail_ShowsTheRawItem()
    {
        var (page, context) = await LogInAsync();
        var pageId = NewId();
        var mid = "m_detail_" + pageId;
        await Webhooks.PostAsync(Host, Webhooks.Message("page", pageId, "7100000000000002", mid, "show me"));

        var row = EventRow(page, pageId);
        await Expect(row).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Button).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Event evt_" })).ToBeVisibleAsync();
        // raw is the messaging item as Meta sent it (PLATFORM.md): the sender, the recipient Page, the message.
        var raw = JsonDocument.Parse(await page.GetByLabel("Raw item").TextContentAsync() ?? "").RootElement;
        Assert.Equal(mid, raw.GetProperty("message").GetProperty("mid").GetString());
        Assert.Equal(pageId, raw.GetProperty("recipient").GetProperty("id").GetString());
        await Expect(page.GetByLabel("Normalized event")).ToContainTextAsync($"\"page_id\": \"{pageId}\"");
        await ScreenshotAsync(page, "event-detail");
        await context.CloseAsync();
    }

    [Fact]
    public async Task Filter_ByPlatform_HidesOthersAndStreamsOnlyMatchingEvents()
    {
        var (page, context) = await LogInAsync();
        var messengerPage = NewId();
        var instagramAccount = NewId();
        await Webhooks.PostAsync(Host, Webhooks.Message("page", messengerPage, "7100000000000003", "m_f1_" + messengerPage, "one"));
        await Webhooks.PostAsync(Host, Webhooks.Message("instagram", instagramAccount, "7100000000000004", "m_f2_" + instagramAccount, "two"));
        await Expect(EventRow(page, messengerPage)).ToHaveCountAsync(1);
        await Expect(EventRow(page, instagramAccount)).ToHaveCountAsync(1);

        await page.GetByLabel("Platform").SelectOptionAsync("instagram");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(page.GetByText("Live", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(EventRow(page, messengerPage)).ToHaveCountAsync(0);

        // The later Messenger event is stored before the Instagram one: once that one shows, the other was left out.
        await Webhooks.PostAsync(Host, Webhooks.Message("page", messengerPage, "7100000000000003", "m_f3_" + messengerPage, "three"));
        await Webhooks.PostAsync(Host, Webhooks.Message("instagram", instagramAccount, "7100000000000004", "m_f4_" + instagramAccount, "four"));
        await Expect(EventRow(page, instagramAccount)).ToHaveCountAsync(2);
        Assert.Equal(1, await page.Locator("#event-rows tr", new() { HasText = messengerPage }).CountAsync());
        await ScreenshotAsync(page, "events-filtered");

        await page.GetByLabel("Platform").SelectOptionAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        // Cleared, the stream goes on from where the filter began: the Messenger event it left out comes now, once.
        await Expect(EventRow(page, messengerPage)).ToHaveCountAsync(2);
        await Expect(EventRow(page, instagramAccount)).ToHaveCountAsync(2);
        await context.CloseAsync();
    }

    [Fact]
    public async Task DeadLetter_ReplayedFromTheConsole_IsDelivered()
    {
        await using var subscriber = await TestSubscriber.StartAsync();
        var accept = false;
        subscriber.Respond = (_, _) => Volatile.Read(ref accept) ? 200 : 503;
        var pageId = NewId();
        using var api = Api();
        using var created = await api.PostAsJsonAsync("/v1/subscriptions", new Dictionary<string, object>
        {
            ["url"] = subscriber.Url, ["page_ids"] = new[] { pageId },
        });
        created.EnsureSuccessStatusCode();
        var subscriptionId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await Webhooks.PostAsync(Host, Webhooks.Message("page", pageId, "7100000000000005", "m_dead_" + pageId, "dead letter"));
        // Two attempts (MaxAttempts = 2), both refused: the delivery is dead.
        await subscriber.WaitForRequestsAsync(2);
        await WaitForDeadAsync(api, subscriptionId);
        Volatile.Write(ref accept, true);

        var (page, context) = await LogInAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Dead letters" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = subscriptionId });
        await Expect(row).ToContainTextAsync("HTTP 503");
        await ScreenshotAsync(page, "dead-letters");
        await row.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();

        await Expect(row).ToContainTextAsync("replayed: delivered");
        var requests = await subscriber.WaitForRequestsAsync(3);
        Assert.Equal(200, requests[^1].AnsweredStatus);
        Assert.Contains("m_dead_" + pageId, Encoding.UTF8.GetString(requests[^1].Body));
        await ScreenshotAsync(page, "dead-letters-replayed");
        await context.CloseAsync();
    }

    [Fact]
    public async Task Views_RatesQuarantineContactsPages_ShowTheirData()
    {
        var pageId = NewId();
        var senderId = "71000000" + pageId[^8..];
        await Webhooks.PostAsync(Host, Webhooks.Message("page", pageId, senderId, "m_views_" + pageId, "for the views"));
        await Webhooks.PostAsync(Host, Encoding.UTF8.GetBytes("""{"object":"page","entry":"x"}"""));
        using var api = Api();
        using var token = await api.PutAsJsonAsync($"/v1/pages/{pageId}/token", new Dictionary<string, string>
        {
            ["platform"] = "facebook", ["access_token"] = "EAAconsoletoken1234",
        });
        token.EnsureSuccessStatusCode();
        var (page, context) = await LogInAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Rates" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = $"{pageId} (facebook): 1 event in the last hour" })).ToBeVisibleAsync();
        await Expect(page.GetByText("facebook:", new() { Exact = false }).First).ToBeVisibleAsync();
        await ScreenshotAsync(page, "rates");

        await page.GetByRole(AriaRole.Button, new() { Name = "Quarantine" }).ClickAsync();
        var quarantined = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "\"entry\":\"x\"" }).First;
        await Expect(quarantined).ToContainTextAsync("'entry'");
        await ScreenshotAsync(page, "quarantine");
        await quarantined.GetByRole(AriaRole.Button, new() { Name = "Re-process" }).ClickAsync();
        await Expect(quarantined).ToContainTextAsync("re-processing");

        await page.GetByRole(AriaRole.Button, new() { Name = "Contacts" }).ClickAsync();
        await page.GetByLabel("Scoped ID").FillAsync(senderId);
        await page.GetByLabel("Scope ID").FillAsync(pageId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find contacts" }).ClickAsync();
        var contact = page.GetByRole(AriaRole.Row).Filter(new() { HasText = senderId });
        await Expect(contact).ToContainTextAsync("facebook");
        await Expect(contact).ToContainTextAsync("yes");
        await ScreenshotAsync(page, "contacts");

        await page.GetByRole(AriaRole.Button, new() { Name = "Pages" }).ClickAsync();
        var health = page.GetByRole(AriaRole.Row).Filter(new() { HasText = pageId });
        await Expect(health).ToContainTextAsync("…1234 (api)");
        await Expect(health).ToContainTextAsync("none");
        await Expect(health).Not.ToContainTextAsync("EAAconsoletoken1234");
        await ScreenshotAsync(page, "pages");
        await context.CloseAsync();
    }

    private async Task<(IPage Page, IBrowserContext Context)> LogInAsync()
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        Assert.EndsWith("/console/", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("API key").FillAsync(ConsoleHost.ApiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByText("Live", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("API key")).ToBeHiddenAsync();
        return (page, context);
    }

    private Task<IBrowserContext> NewContextAsync() =>
        fixture.Browser.NewContextAsync(new() { BaseURL = Host.BaseUrl, ViewportSize = new() { Width = 1280, Height = 860 } });

    private static ILocator EventRow(IPage page, string pageId) =>
        page.GetByRole(AriaRole.Table, new() { Name = "Events" }).GetByRole(AriaRole.Row).Filter(new() { HasText = pageId });

    private static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, name + ".png"), FullPage = true });

    private HttpClient Api()
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleHost.ApiKey);
        return client;
    }

    private static async Task WaitForDeadAsync(HttpClient api, string subscriptionId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var dead = await api.GetFromJsonAsync<JsonElement>($"/v1/deliveries?status=dead&subscription_id={subscriptionId}");
            if (dead.GetProperty("data").GetArrayLength() > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the delivery did not die");
    }

    // Page-like IDs, unique per test: rows of one test are told apart from the others' on the shared host.
    private static string NewId() => "1" + Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
