using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Normalizer.Testing;

namespace Normalizer.Host.Tests.Metrics;

public sealed class MetricsEndpointTests
{
    private const string Received = "normalizer_webhooks_received_total";
    private const string Stored = "normalizer_events_stored_total";

    [Theory]
    [InlineData(null, "send 'Authorization: Bearer <api key>'")]
    [InlineData("not-a-configured-key", "the API key is not valid")]
    public async Task Metrics_WithoutAValidApiKey_Is401WithTheErrorBody(string? key, string message)
    {
        await using var app = new NormalizerApplication(processInbox: false);
        using var client = app.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("unauthorized", error.GetProperty("code").GetString());
        Assert.StartsWith(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_RequestsWithoutAValidKey_ShareTheLimitOfV1()
    {
        await using var app = new NormalizerApplication(settings: new Dictionary<string, string?> { ["Normalizer:ApiKeyFailureLimit"] = "2" },
            processInbox: false);
        using var client = app.CreateClient();

        var first = await client.GetAsync("/v1/events");
        var second = await client.GetAsync("/metrics");
        var third = await client.GetAsync("/metrics");
        using var api = app.Api();
        var withKey = await api.GetAsync("/metrics");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.OK],
            [first.StatusCode, second.StatusCode, third.StatusCode, withKey.StatusCode]);
        Assert.True(third.Headers.RetryAfter is not null);
    }

    [Fact]
    public async Task Webhooks_AreCountedByChannelAndOutcome()
    {
        await using var app = new NormalizerApplication(settings: new Dictionary<string, string?> { ["Normalizer:Meta:MaxBodyBytes"] = "1024" },
            processInbox: false);
        var small = """{"object":"page","entry":[]}"""u8.ToArray();

        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(small)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(small)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.PostWebhookAsync(small, "/webhooks/instagram", signature: null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.PostWebhookAsync("not json"u8.ToArray(), "/webhooks/whatsapp")).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge,
            (await app.PostWebhookAsync(Encoding.UTF8.GetBytes(new string(' ', 2048)), "/webhooks/messenger")).StatusCode);

        var text = await ScrapeAsync(app);
        Assert.Equal(2, PrometheusText.Value(text, Received, ("channel", "meta"), ("outcome", "accepted")));
        Assert.Equal(1, PrometheusText.Value(text, Received, ("channel", "instagram"), ("outcome", "invalid_signature")));
        Assert.Equal(1, PrometheusText.Value(text, Received, ("channel", "whatsapp"), ("outcome", "bad_request")));
        Assert.Equal(1, PrometheusText.Value(text, Received, ("channel", "messenger"), ("outcome", "too_large")));
        Assert.Equal(5, PrometheusText.Value(text, Received));
    }

    [Fact]
    public async Task Metrics_OfOneHost_AreNotThoseOfAnother()
    {
        await using var busy = new NormalizerApplication(processInbox: false);
        await using var idle = new NormalizerApplication(processInbox: false);

        Assert.Equal(HttpStatusCode.OK, (await busy.PostWebhookAsync("""{"object":"page","entry":[]}"""u8.ToArray())).StatusCode);

        Assert.Equal(1, PrometheusText.Value(await ScrapeAsync(busy), Received));
        Assert.Null(PrometheusText.Value(await ScrapeAsync(idle), Received));
    }

    [Fact]
    public async Task EventsStored_AreCountedByPlatformAndEventOnce()
    {
        await using var app = new NormalizerApplication();
        var body = Fixture.Sample("whatsapp-text-and-status.json");

        await app.PostWebhookAsync(body);
        await app.WaitForEventsAsync(2);
        await app.PostWebhookAsync(body); // Meta's redelivery: the same events, not stored again
        await app.WaitForDrainAsync();

        var text = await ScrapeAsync(app);
        Assert.Equal(1, PrometheusText.Value(text, Stored, ("platform", "whatsapp"), ("event", "message.received")));
        Assert.Equal(1, PrometheusText.Value(text, Stored, ("platform", "whatsapp"), ("event", "message.delivered")));
        Assert.Equal(2, PrometheusText.Value(text, Stored));
        Assert.Equal(0, PrometheusText.Value(text, "normalizer_inbox_lag_seconds"));
    }

    [Fact]
    public async Task InboxLag_IsTheAgeOfTheOldestUnprocessedWebhook()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = new NormalizerApplication(processInbox: false) { Time = time };
        Assert.Equal(0, PrometheusText.Value(await ScrapeAsync(app), "normalizer_inbox_lag_seconds"));

        await app.PostWebhookAsync("""{"object":"page","entry":[]}"""u8.ToArray());
        time.Advance(TimeSpan.FromSeconds(30));
        await app.PostWebhookAsync("""{"object":"page","entry":[]}"""u8.ToArray());
        time.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(90, PrometheusText.Value(await ScrapeAsync(app), "normalizer_inbox_lag_seconds"));
    }

    [Fact]
    public async Task Metrics_FollowOpenTelemetryNamesAndUnits()
    {
        await using var app = new NormalizerApplication(processInbox: false);
        await app.PostWebhookAsync("""{"object":"page","entry":[]}"""u8.ToArray());

        var text = await ScrapeAsync(app);

        // Counters get _total, seconds get _seconds. Only the product's own instruments: a histogram of every request would
        // cost each webhook more than the counters do (BENCHMARKS.md).
        Assert.Contains("# TYPE normalizer_webhooks_received_total counter", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE normalizer_inbox_lag_seconds gauge", text, StringComparison.Ordinal);
        Assert.DoesNotContain("http_server_request_duration", text, StringComparison.Ordinal);
    }

    internal static async Task<string> ScrapeAsync(NormalizerApplication app)
    {
        using var api = app.Api();
        var response = await api.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }
}
