using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Normalizer.Delivery;
using Normalizer.Testing;
using Normalizer.Testing.Subscriber;

namespace Normalizer.Host.Tests.Workers;

/// <summary>Delivery over real HTTP to a real Kestrel subscriber, with small retry delays.</summary>
public sealed class DeliveryWorkerTests : DeliveryTests
{
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Normalizer:Delivery:BaseDelay"] = "00:00:00.050",
        ["Normalizer:Delivery:MaxDelay"] = "00:00:00.200",
        ["Normalizer:Delivery:PollInterval"] = "00:00:00.100",
    };

    private static readonly DateTimeOffset Start = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private readonly List<string> _directories = [];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var directory in _directories)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // best effort on a temp directory
            }
        }
    }

    [Fact]
    public async Task Deliver_MessengerSample_SubscriberReceivesSignedEvents()
    {
        var app = App();
        var subscriber = await SubscriberAsync();
        var (_, secret) = await app.SubscribeAsync($$"""{"url":"{{subscriber.Url}}"}""");

        await app.PostWebhookAsync(Fixture.Sample("messenger-text-batch.json"));

        var events = await app.WaitForEventsAsync(3);
        var requests = await subscriber.WaitForRequestsAsync(3);
        Assert.Equal(events.Select(e => e.GetProperty("id").GetString()).Order(), requests.Select(r => r.WebhookId).Order());
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        foreach (var request in requests)
        {
            Assert.True(StandardWebhooks.Verify(secret, request), $"signature of {request.WebhookId} does not verify");
            Assert.InRange(long.Parse(request.WebhookTimestamp!), now - 300, now + 5);
            Assert.Equal("application/json", request.ContentType);
            var evt = events.Single(e => e.GetProperty("id").GetString() == request.WebhookId);
            Assert.True(JsonElement.DeepEquals(evt, JsonDocument.Parse(request.Body).RootElement), "the body is not the event");
        }

        await app.WaitForDeliveriesAsync($"event_id={requests[0].WebhookId}", d => d.Count == 1 && d[0].Status() == "delivered");
        Assert.DoesNotContain(app.Logs.Lines(), l => l.Contains(secret, StringComparison.Ordinal) || l.Contains(secret[6..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deliver_Filters_OnlyMatchingEventsAreQueuedAndSent()
    {
        var app = App();
        var instagram = await SubscriberAsync();
        var postbacks = await SubscriberAsync();
        var page = await SubscriberAsync();
        var (instagramId, _) = await app.SubscribeAsync($$"""{"url":"{{instagram.Url}}","platforms":["instagram"]}""");
        var (postbacksId, _) = await app.SubscribeAsync($$"""{"url":"{{postbacks.Url}}","events":["postback.received"]}""");
        var (pageId, _) = await app.SubscribeAsync($$"""{"url":"{{page.Url}}","platforms":["facebook"],"page_ids":["104523987765432"]}""");

        await app.PostWebhookAsync(Fixture.Sample("messenger-text-batch.json"));
        await app.PostWebhookAsync(Fixture.Sample("instagram-text.json"));
        await app.WaitForDrainAsync();

        var events = await app.WaitForEventsAsync(4);
        string?[] Ids(Func<JsonElement, bool> match) => [.. events.Where(match).Select(e => e.GetProperty("id").GetString()).Order()];
        var expectedInstagram = Ids(e => e.GetProperty("platform").GetString() == "instagram");
        var expectedPostbacks = Ids(e => e.GetProperty("event").GetString() == "postback.received");
        var expectedPage = Ids(e => e.GetProperty("platform").GetString() == "facebook" && e.GetProperty("page_id").GetString() == "104523987765432");
        Assert.NotEmpty(expectedInstagram);
        Assert.Single(expectedPostbacks);
        Assert.Equal(2, expectedPage.Length);
        // A delivery is listed once its subscription's cursor reaches the event: wait until each has all it should have.
        foreach (var (id, expected) in new[] { (instagramId, expectedInstagram), (postbacksId, expectedPostbacks), (pageId, expectedPage) })
        {
            var listed = await app.WaitForDeliveriesAsync($"subscription_id={id}",
                d => d.Count >= expected.Length && d.All(x => x.Status() == "delivered"));
            Assert.Equal(expected, listed.Select(d => d.GetProperty("event_id").GetString()).Order());
        }

        Assert.Equal(expectedInstagram, instagram.Requests.Select(r => r.WebhookId).Order());
        Assert.Equal(expectedPostbacks, postbacks.Requests.Select(r => r.WebhookId).Order());
        Assert.Equal(expectedPage, page.Requests.Select(r => r.WebhookId).Order());
    }

    [Fact]
    public async Task Deliver_SubscriptionCreatedWhileAnotherIsPosting_NothingIsSentTwice()
    {
        var app = App();
        using var answer = new ManualResetEventSlim();
        var arrived = 0;
        var held = await SubscriberAsync((_, _) =>
        {
            Interlocked.Increment(ref arrived);
            answer.Wait(TimeSpan.FromSeconds(20));
            return 200;
        });
        var (heldId, _) = await app.SubscribeAsync($$"""{"url":"{{held.Url}}","platforms":["instagram"]}""");
        await app.PostWebhookAsync(Fixture.Sample("instagram-text.json"));
        var eventId = (await app.WaitForEventsAsync(1))[0].GetProperty("id").GetString();
        using (var budget = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            await Crash.Poll.UntilAsync(_ => Task.FromResult(Volatile.Read(ref arrived) >= 1), "the first POST arrived", () => "none arrived", budget.Token);
        }

        // Creating a subscription reads every subscription again, while the first one's POST is unanswered. Once the new one
        // delivered a later event, its worker runs, started in the pass that would have restarted the first one's.
        var other = await SubscriberAsync();
        await app.SubscribeAsync($$"""{"url":"{{other.Url}}","platforms":["facebook"]}""");
        await app.PostWebhookAsync(Fixture.Sample("messenger-text-batch.json"));
        await other.WaitForRequestsAsync(3);
        answer.Set();

        await app.WaitForDeliveriesAsync($"subscription_id={heldId}", d => d.Count == 1 && d[0].Status() == "delivered");
        Assert.Equal([eventId], held.Requests.Select(r => r.WebhookId));
        Assert.Equal(1, Volatile.Read(ref arrived));
    }

    [Fact]
    public async Task Deliver_Failing500Twice_RetriesAfterEachBackoffAndDeliversOnThirdAttempt()
    {
        var clock = Clock();
        var app = App(time: clock);
        var subscriber = await SubscriberAsync((request, before) => before.Count(b => b.WebhookId == request.WebhookId) < 2 ? 500 : 200);
        var (subscriptionId, secret) = await app.SubscribeAsync($$"""{"url":"{{subscriber.Url}}"}""");

        await app.PostWebhookAsync(Fixture.Sample("instagram-text.json"));

        var eventId = (await app.WaitForEventsAsync(1))[0].GetProperty("id").GetString()!;
        var query = $"event_id={eventId}&subscription_id={subscriptionId}";
        var first = await clock.NextDelayAsync();
        var duringFirst = Assert.Single(await app.DeliveriesAsync(query));
        clock.Advance(first);
        var second = await clock.NextDelayAsync();
        var requestsDuringSecond = subscriber.Requests.Count(r => r.WebhookId == eventId);
        clock.Advance(second);
        var delivery = Assert.Single(await app.WaitForDeliveriesAsync(query, d => d.Count == 1 && d[0].Status() == "delivered"));

        // The next attempt's time is stored before waiting (a restart resumes from it), on the host's clock.
        Assert.Equal(Start + first, duringFirst.GetProperty("next_attempt_at").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.Equal([500], duringFirst.AttemptStatusCodes());
        Assert.Equal(2, requestsDuringSecond);
        Assert.All([first, second], d => Assert.InRange(d, TimeSpan.FromMilliseconds(1), new DeliveryOptions().MaxDelay));
        Assert.Equal([500, 500, 200], delivery.AttemptStatusCodes());
        Assert.Equal([1, 2, 3], delivery.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("attempt").GetInt32()));
        var requests = subscriber.Requests.Where(r => r.WebhookId == eventId).ToList();
        Assert.Equal(3, requests.Count);
        Assert.Equal([500, 500, 200], requests.Select(r => r.AnsweredStatus));
        Assert.All(requests, r => Assert.True(StandardWebhooks.Verify(secret, r)));
    }

    [Fact]
    public async Task Deliver_Always500_IsDeadAfterMaxAttempts()
    {
        var clock = Clock();
        var app = App(new() { ["Normalizer:Delivery:MaxAttempts"] = "3" }, time: clock);
        var subscriber = await SubscriberAsync((_, _) => 500);
        await app.SubscribeAsync($$"""{"url":"{{subscriber.Url}}"}""");

        await app.PostWebhookAsync(Fixture.Sample("instagram-text.json"));

        var eventId = (await app.WaitForEventsAsync(1))[0].GetProperty("id").GetString()!;
        await clock.AdvanceToNextDelayAsync();
        await clock.AdvanceToNextDelayAsync();
        var delivery = Assert.Single(await app.WaitForDeliveriesAsync($"event_id={eventId}", d => d.Count == 1 && d[0].Status() == "dead"));
        Assert.Equal([500, 500, 500], delivery.AttemptStatusCodes());
        Assert.Equal(3, subscriber.Requests.Count(r => r.WebhookId == eventId));
        Assert.True(clock.NoPendingDelay);
    }

    [Fact]
    public async Task Deliver_ConnectionRefused_RecordsErrorWithoutStatus()
    {
        var clock = Clock();
        var app = App(new() { ["Normalizer:Delivery:MaxAttempts"] = "2" }, time: clock);
        var gone = await SubscriberAsync();
        var url = gone.Url;
        await DisposeNowAsync(gone);
        await app.SubscribeAsync($$"""{"url":"{{url}}"}""");

        await app.PostWebhookAsync(Fixture.Sample("instagram-text.json"));

        var eventId = (await app.WaitForEventsAsync(1))[0].GetProperty("id").GetString()!;
        await clock.AdvanceToNextDelayAsync();
        var delivery = Assert.Single(await app.WaitForDeliveriesAsync($"event_id={eventId}", d => d.Count == 1 && d[0].Status() == "dead"));
        var attempts = delivery.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(JsonValueKind.Null, a.GetProperty("status_code").ValueKind));
        Assert.All(attempts, a => Assert.StartsWith("ConnectionError", a.GetProperty("error").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deliver_FirstOfConversationFailsOnce_SecondWaitsForIt()
    {
        var app = App();
        var subscriber = await SubscriberAsync((request, before) =>
            request.BodyText.Contains("Is my order #4411 shipped", StringComparison.Ordinal) && !before.Any(b => b.WebhookId == request.WebhookId) ? 500 : 200);
        var (subscriptionId, _) = await app.SubscribeAsync($$"""{"url":"{{subscriber.Url}}","page_ids":["104523987765432"]}""");

        await app.PostWebhookAsync(Fixture.Sample("messenger-text-batch.json"));

        await WaitAllDeliveredAsync(app, subscriptionId);
        var requests = subscriber.Requests.OrderBy(r => r.Index).ToList();
        Assert.Equal(3, requests.Count);
        Assert.Contains("#4411 shipped", requests[0].BodyText, StringComparison.Ordinal);
        Assert.Equal(500, requests[0].AnsweredStatus);
        Assert.Equal(requests[0].WebhookId, requests[1].WebhookId);
        Assert.Equal(200, requests[1].AnsweredStatus);
        Assert.Contains("Order number 4411", requests[2].BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_Range_ResendsOnlyThoseEvents()
    {
        var app = App();
        var subscriber = await SubscriberAsync();
        var (subscriptionId, _) = await app.SubscribeAsync($$"""{"url":"{{subscriber.Url}}"}""");
        await app.PostWebhookAsync(Fixture.Sample("messenger-text-batch.json"));
        await WaitAllDeliveredAsync(app, subscriptionId, count: 3);
        using var api = app.Api();
        var first = await api.GetFromJsonAsync<JsonElement>("/v1/events?limit=1");
        var second = await api.GetFromJsonAsync<JsonElement>($"/v1/events?limit=1&after={first.GetProperty("next_cursor").GetString()}");
        var cursor = second.GetProperty("next_cursor").GetString();
        var replayedId = second.GetProperty("data")[0].GetProperty("id").GetString();

        var response = await api.PostAsync($"/v1/subscriptions/{subscriptionId}/replay?from={cursor}&to={cursor}", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("queued").GetInt32());
        var requests = await subscriber.WaitForRequestsAsync(4);
        Assert.Equal(replayedId, requests.OrderBy(r => r.Index).Last().WebhookId);
        var deliveries = await app.WaitForDeliveriesAsync($"event_id={replayedId}", d => d.Count == 2 && d.All(x => x.Status() == "delivered"));
        Assert.Equal(2, deliveries.Count);
    }

    [Fact]
    public async Task Replay_WholeLog_QueuesOnlyEventsMatchingTheFilter()
    {
        var app = App();
        var subscriber = await SubscriberAsync();
        await app.PostWebhookAsync(Fixture.Sample("messenger-text-batch.json"));
        await app.WaitForEventsAsync(3);
        var (subscriptionId, _) = await app.SubscribeAsync($$"""{"url":"{{subscriber.Url}}","events":["postback.received"]}""");
        using var api = app.Api();

        var response = await api.PostAsync($"/v1/subscriptions/{subscriptionId}/replay", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("queued").GetInt32());
        var request = Assert.Single(await subscriber.WaitForRequestsAsync(1));
        Assert.Contains("postback.received", request.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteSubscription_WithRetryPending_DeliveryIsDead()
    {
        var app = App(new() { ["Normalizer:Delivery:BaseDelay"] = "00:10:00", ["Normalizer:Delivery:MaxDelay"] = "00:10:00" });
        var subscriber = await SubscriberAsync((_, _) => 503);
        var (subscriptionId, _) = await app.SubscribeAsync($$"""{"url":"{{subscriber.Url}}"}""");
        await app.PostWebhookAsync(Fixture.Sample("instagram-text.json"));
        var eventId = (await app.WaitForEventsAsync(1))[0].GetProperty("id").GetString()!;
        await app.WaitForDeliveriesAsync($"event_id={eventId}", d => d.Count == 1 && d[0].GetProperty("attempts").GetArrayLength() == 1);
        using var api = app.Api();

        var response = await api.DeleteAsync($"/v1/subscriptions/{subscriptionId}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var delivery = Assert.Single(await app.DeliveriesAsync($"event_id={eventId}"));
        Assert.Equal("dead", delivery.Status());
    }

    [Fact]
    public async Task Restart_WithRetryPending_NextProcessDeliversSameWebhookIdOnceDue()
    {
        var clock = Clock();
        var subscriber = await SubscriberAsync((request, before) => before.Count == 0 ? 503 : 200);
        var directory = Path.Combine(Path.GetTempPath(), "normalizer-tests", Guid.NewGuid().ToString("N"));
        _directories.Add(directory);
        string eventId;
        TimeSpan backoff;
        var first = new NormalizerApplication(directory) { Time = clock };
        try
        {
            await first.SubscribeAsync($$"""{"url":"{{subscriber.Url}}"}""");
            await first.PostWebhookAsync(Fixture.Sample("instagram-text.json"));
            eventId = (await first.WaitForEventsAsync(1))[0].GetProperty("id").GetString()!;
            backoff = await clock.NextDelayAsync();
        }
        finally
        {
            await first.DisposeAsync();
        }

        clock.Advance(backoff);
        var second = App(directory: directory, time: clock);
        var delivery = Assert.Single(await second.WaitForDeliveriesAsync($"event_id={eventId}", d => d.Count == 1 && d[0].Status() == "delivered"));

        Assert.Equal([503, 200], delivery.AttemptStatusCodes());
        Assert.Equal([eventId, eventId], subscriber.Requests.Select(r => r.WebhookId));
    }

    // Production backoff delays on a fake clock: the test advances it when the runner starts waiting.
    private static ObservedFakeTimeProvider Clock() => new(Start);

    private NormalizerApplication App(Dictionary<string, string?>? settings = null, string? directory = null, ObservedFakeTimeProvider? time = null)
    {
        var all = time is null ? new Dictionary<string, string?>(FastRetries) : [];
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var app = new NormalizerApplication(directory, all) { Time = time };
        return Own(app);
    }

    private static async Task WaitAllDeliveredAsync(NormalizerApplication app, params string[] subscriptionIds)
    {
        foreach (var id in subscriptionIds)
        {
            await app.WaitForDeliveriesAsync($"subscription_id={id}", d => d.Count > 0 && d.All(x => x.Status() == "delivered"));
        }
    }

    private static Task WaitAllDeliveredAsync(NormalizerApplication app, string subscriptionId, int count) =>
        app.WaitForDeliveriesAsync($"subscription_id={subscriptionId}", d => d.Count == count && d.All(x => x.Status() == "delivered"));
}
