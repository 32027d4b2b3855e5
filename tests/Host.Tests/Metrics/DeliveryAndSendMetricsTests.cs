using Normalizer.Host.Tests.Send;
using Normalizer.Host.Tests.Workers;
using Normalizer.Testing;
using static Normalizer.Host.Tests.Send.SendFixture;

namespace Normalizer.Host.Tests.Metrics;

public sealed class DeliveryAndSendMetricsTests : DeliveryTests
{
    [Fact]
    public async Task Deliveries_AreCountedByOutcome_AndDeadLettersApart()
    {
        var app = Own(new NormalizerApplication(settings: new Dictionary<string, string?>
        {
            ["Normalizer:Delivery:MaxAttempts"] = "1",
            ["Normalizer:Delivery:PollInterval"] = "00:00:00.100",
        }));
        var accepting = await SubscriberAsync();
        var refusing = await SubscriberAsync((_, _) => 500);
        await app.SubscribeAsync($$"""{"url":"{{accepting.Url}}"}""");
        var (refused, _) = await app.SubscribeAsync($$"""{"url":"{{refusing.Url}}"}""");

        await app.PostWebhookAsync(Fixture.Sample("instagram-text.json"));
        await accepting.WaitForRequestsAsync(1);
        await app.WaitForDeliveriesAsync($"subscription_id={refused}", d => d.Count == 1 && d[0].GetProperty("status").GetString() == "dead");

        var text = await MetricsEndpointTests.ScrapeAsync(app);
        Assert.Equal(1, PrometheusText.Value(text, "normalizer_delivery_attempts_total", ("outcome", "delivered")));
        Assert.Equal(1, PrometheusText.Value(text, "normalizer_delivery_attempts_total", ("outcome", "rejected")));
        Assert.Null(PrometheusText.Value(text, "normalizer_delivery_attempts_total", ("outcome", "unreachable")));
        Assert.Equal(1, PrometheusText.Value(text, "normalizer_delivery_dead_letters_total"));
    }

    [Fact]
    public async Task Sends_AreCountedByChannelAndErrorType_AndGraphCallsTimed()
    {
        var f = Own(await SendFixture.StartAsync());
        await f.InboundAsync(PageA, PsidA);

        var (sent, _) = await f.SendAsync(new { platform = "facebook", page_id = PageA, to = PsidA, message = new { type = "text", body = "Shipped" } });
        // No message from this customer yet: refused before Meta is called.
        var (refused, _) = await f.SendAsync(new { platform = "facebook", page_id = PageB, to = PsidB, message = new { type = "text", body = "Hi" } });

        Assert.Equal(200, sent);
        Assert.Equal(422, refused);
        var text = await MetricsEndpointTests.ScrapeAsync(f.App);
        Assert.Equal(1, PrometheusText.Value(text, "normalizer_sends_total", ("channel", "facebook"), ("error_type", null)));
        Assert.Equal(1, PrometheusText.Value(text, "normalizer_sends_total", ("channel", "facebook"), ("error_type", "window_closed")));
        Assert.Equal(2, PrometheusText.Value(text, "normalizer_sends_total"));
        Assert.Equal(1, PrometheusText.Value(text, "normalizer_graph_duration_seconds_count",
            ("http_request_method", "POST"), ("http_response_status_code", "200")));
    }
}
