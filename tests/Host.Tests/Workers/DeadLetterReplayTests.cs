using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Normalizer.Testing;

namespace Normalizer.Host.Tests.Workers;

/// <summary>
/// Dead letters: <c>GET /v1/deliveries?status=dead</c> lists them, <c>POST /v1/subscriptions/{id}/events/{event_id}/replay</c>
/// sends one again.
/// </summary>
public sealed class DeadLetterReplayTests : DeliveryTests
{
    private NormalizerApplication _app = null!;

    private NormalizerApplication App() => _app = Own(new NormalizerApplication(settings: new Dictionary<string, string?>
    {
        ["Normalizer:Delivery:MaxAttempts"] = "2",
        ["Normalizer:Delivery:BaseDelay"] = "00:00:00.050",
        ["Normalizer:Delivery:MaxDelay"] = "00:00:00.100",
        ["Normalizer:Delivery:PollInterval"] = "00:00:00.100",
    }));

    [Fact]
    public async Task ReplayEvent_DeadDelivery_IsSentAgainAndDelivered()
    {
        var app = App();
        var accept = false;
        var subscriber = await SubscriberAsync((_, _) => Volatile.Read(ref accept) ? 200 : 503);
        var (subscriptionId, _) = await app.SubscribeAsync($$"""{"url":"{{subscriber.Url}}"}""");
        await app.PostWebhookAsync(Fixture.Sample("instagram-text.json"));
        var eventId = Assert.Single(await app.WaitForEventsAsync(1)).GetProperty("id").GetString()!;
        var dead = Assert.Single(await app.WaitForDeliveriesAsync("status=dead", d => d.Count == 1));
        Assert.Equal(eventId, dead.GetProperty("event_id").GetString());
        Assert.Equal([503, 503], dead.AttemptStatusCodes());
        Volatile.Write(ref accept, true);

        using var api = app.Api();
        using var answer = await api.PostAsync($"/v1/subscriptions/{subscriptionId}/events/{eventId}/replay", null);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Equal(1, (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("queued").GetInt32());
        var runs = await app.WaitForDeliveriesAsync($"event_id={eventId}", d => d.Count == 2 && d[1].Status() == "delivered");
        Assert.Equal([200], runs[1].AttemptStatusCodes());
        Assert.Equal(3, subscriber.Requests.Count);
        Assert.Equal(eventId, subscriber.Requests[^1].WebhookId);
        // The dead run stays in the history; the replay is listed as delivered.
        Assert.Equal(dead.GetProperty("id").GetString(), Assert.Single(await app.DeliveriesAsync("status=dead")).GetProperty("id").GetString());
        Assert.Equal(runs[1].GetProperty("id").GetString(), Assert.Single(await app.DeliveriesAsync("status=delivered")).GetProperty("id").GetString());
    }

    [Fact]
    public async Task ReplayEvent_UnknownEventOrSubscription_Returns404()
    {
        var app = App();
        var subscriber = await SubscriberAsync();
        var (subscriptionId, _) = await app.SubscribeAsync($$"""{"url":"{{subscriber.Url}}"}""");
        using var api = app.Api();

        using var noEvent = await api.PostAsync($"/v1/subscriptions/{subscriptionId}/events/evt_missing/replay", null);
        using var noSubscription = await api.PostAsync("/v1/subscriptions/sub_missing/events/evt_missing/replay", null);

        Assert.Equal(HttpStatusCode.NotFound, noEvent.StatusCode);
        Assert.Contains("evt_missing", (await noEvent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, noSubscription.StatusCode);
        Assert.Contains("sub_missing", (await noSubscription.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("status=gone")]
    [InlineData("status=DEAD")]
    [InlineData("status=dead&limit=0")]
    public async Task ListDeliveries_BadStatus_Returns400(string query)
    {
        var app = App();
        using var api = app.Api();

        using var answer = await api.GetAsync("/v1/deliveries?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("invalid_query", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
    }
}
