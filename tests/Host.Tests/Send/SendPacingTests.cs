using System.Net.Http.Json;
using Normalizer.Events;
using Normalizer.Testing;
using Normalizer.Testing.FakeGraph;
using static Normalizer.Host.Tests.Send.SendFixture;

namespace Normalizer.Host.Tests.Send;

/// <summary>
/// Calls to Meta are paced per access token, as Meta counts them (<c>Normalizer:Send:PermitsPerSecond</c>): two Pages
/// that share a token share one budget; a Page with a token of its own is not held up by them.
/// </summary>
public sealed class SendPacingTests : IAsyncLifetime
{
    // SendFixture's app, Pages and customers; here Pages A and B share one token and a third Page has its own.
    private const string PageC = "318870012245566";
    private const string SharedToken = "PAGES-AB-TOKEN-k29dm1";
    private const string TokenC = "PAGE-C-TOKEN-x81nq4";
    private const string PsidC = "5550918273645500";

    private readonly ObservedFakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
    private FakeGraphApi _graph = null!;
    private NormalizerApplication _app = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphApi.StartAsync(g => g
            .AddApp(AppId, AppSecret)
            .AddPage(PageA, Platform.Facebook, SharedToken, AppId)
            .AddPage(PageB, Platform.Facebook, SharedToken, AppId)
            .AddPage(PageC, Platform.Facebook, TokenC, AppId)
            .AddUser(PageA, PsidA).AddUser(PageB, PsidB).AddUser(PageC, PsidC));
        _app = new NormalizerApplication(settings: new Dictionary<string, string?>
        {
            ["Normalizer:Graph:BaseUrl"] = _graph.BaseUrl.ToString(),
            ["Normalizer:Apps:0:Id"] = AppId,
            ["Normalizer:Apps:0:Secret"] = AppSecret,
            ["Normalizer:Send:PermitsPerSecond"] = "1",
            ["Normalizer:Pages:0:Id"] = PageA, ["Normalizer:Pages:0:Platform"] = "facebook", ["Normalizer:Pages:0:AccessToken"] = SharedToken, ["Normalizer:Pages:0:AppId"] = AppId,
            ["Normalizer:Pages:1:Id"] = PageB, ["Normalizer:Pages:1:Platform"] = "facebook", ["Normalizer:Pages:1:AccessToken"] = SharedToken, ["Normalizer:Pages:1:AppId"] = AppId,
            ["Normalizer:Pages:2:Id"] = PageC, ["Normalizer:Pages:2:Platform"] = "facebook", ["Normalizer:Pages:2:AccessToken"] = TokenC, ["Normalizer:Pages:2:AppId"] = AppId,
        })
        {
            Time = _time,
        };
        var at = _time.GetUtcNow();
        await _app.PostWebhookAsync(SendBodies.MessengerText(PageA, PsidA, "m_pace_a", at));
        await _app.PostWebhookAsync(SendBodies.MessengerText(PageB, PsidB, "m_pace_b", at));
        await _app.PostWebhookAsync(SendBodies.MessengerText(PageC, PsidC, "m_pace_c", at));
        await _app.WaitForEventsAsync(3);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task Send_TwoPagesShareAToken_TheSecondWaitsForTheNextSecondWhileAnotherTokenGoesAtOnce()
    {
        using var api = _app.Api();
        var first = await api.PostAsJsonAsync("/v1/messages", Text(PageA, PsidA));

        var second = api.PostAsJsonAsync("/v1/messages", Text(PageB, PsidB));
        var other = await api.PostAsJsonAsync("/v1/messages", Text(PageC, PsidC));

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(200, (int)other.StatusCode);
        Assert.Single(_graph.SendsTo(PageA));
        Assert.Single(_graph.SendsTo(PageC));
        Assert.False(second.IsCompleted);
        Assert.Empty(_graph.SendsTo(PageB));

        Assert.Equal(TimeSpan.FromSeconds(1), await _time.AdvanceToNextDelayAsync());

        Assert.Equal(200, (int)(await second).StatusCode);
        var sent = Assert.Single(_graph.SendsTo(PageB));
        Assert.True(sent.UsedToken(SharedToken));
    }

    private static object Text(string pageId, string psid) => new
    {
        platform = "facebook", page_id = pageId, to = psid, message = new { type = "text", body = "Your order shipped" },
    };
}
