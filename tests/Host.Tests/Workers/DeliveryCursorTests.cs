using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Delivery;
using Normalizer.Storage;
using Normalizer.Testing;
using Normalizer.Testing.Subscriber;

namespace Normalizer.Host.Tests.Workers;

/// <summary>Delivery from cursors: conversations across partitions, parked conversations, leases, the head, deletion.</summary>
public sealed partial class DeliveryCursorTests : DeliveryTests
{
    private const int Customers = 40;
    private const int Rounds = 5;

    [Fact]
    public async Task Deliver_ManyConversationsAcrossPartitions_AllDeliveredInOrderPerConversationAndListedWithAttempts()
    {
        // Small batches, and every 7th request answered 503 once: conversations are parked and released along the way.
        var app = App(new() { ["Normalizer:Delivery:BatchSize"] = "16" });
        var subscriber = await SubscriberAsync((request, before) =>
            request.Index % 7 == 3 && !before.Any(b => b.WebhookId == request.WebhookId) ? 503 : 200);
        var (subscriptionId, _) = await app.SubscribeAsync($$"""{"url":"{{subscriber.Url}}"}""");

        await PostRoundsAsync(app);

        var requests = await subscriber.WaitAsync(r => r.Where(x => x.AnsweredStatus == 200).Select(x => x.WebhookId).Distinct().Count() == Customers * Rounds);
        foreach (var conversation in requests.GroupBy(Conversation))
        {
            // No message goes out before the one before it in its conversation was answered 200.
            var ordered = conversation.OrderBy(r => r.Index).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var round = Round(ordered[i]);
                Assert.True(round == 0 || ordered.Take(i).Any(r => Round(r) == round - 1 && r.AnsweredStatus == 200),
                    $"customer {conversation.Key}: message {round} went out before message {round - 1} was delivered");
            }
        }

        Assert.Contains(requests, r => r.AnsweredStatus == 503);
        var deliveries = await app.WaitForDeliveriesAsync($"subscription_id={subscriptionId}&limit=500",
            d => d.Count == Customers * Rounds && d.All(x => x.Status() == "delivered"));
        Assert.All(deliveries, d => Assert.Equal(200, d.AttemptStatusCodes()[^1]));
        Assert.Equal(requests.Count, deliveries.Sum(d => d.AttemptStatusCodes().Length));
        var partitions = deliveries.Select(d => ConversationPartition.Of(d.GetProperty("conversation_id").GetString()!, 16)).Distinct().Count();
        Assert.True(partitions > 8, $"the conversations fell into {partitions} partitions only");
    }

    [Fact]
    public async Task Deliver_OneConversationFailing_OthersAreDeliveredAndItsLaterEventsWait()
    {
        var app = App(new() { ["Normalizer:Delivery:BaseDelay"] = "00:10:00", ["Normalizer:Delivery:MaxDelay"] = "00:10:00" });
        var subscriber = await SubscriberAsync((request, _) => Conversation(request) == 0 ? 503 : 200);
        var (subscriptionId, _) = await app.SubscribeAsync($$"""{"url":"{{subscriber.Url}}"}""");

        await PostRoundsAsync(app);

        var requests = await subscriber.WaitAsync(r => r.Count(x => x.AnsweredStatus == 200) == (Customers - 1) * Rounds);
        var deliveries = await app.WaitForDeliveriesAsync($"subscription_id={subscriptionId}&limit=500",
            d => d.Count == Customers * Rounds && d.Count(x => x.Status() == "pending") == Rounds);
        var failing = Assert.Single(requests, r => Conversation(r) == 0);
        Assert.Equal(0, Round(failing));
        var pending = deliveries.Where(d => d.Status() == "pending").ToList();
        Assert.Equal([503], pending[0].AttemptStatusCodes());
        Assert.All(pending.Skip(1), d => Assert.Empty(d.AttemptStatusCodes()));
    }

    [Fact]
    public async Task Subscribe_AfterEvents_StartsAtTheHeadOfTheLog()
    {
        var app = App();
        var subscriber = await SubscriberAsync();
        await app.PostWebhookAsync(Fixture.Sample("messenger-text-batch.json"));
        var before = await app.WaitForEventsAsync(3);
        var (subscriptionId, _) = await app.SubscribeAsync($$"""{"url":"{{subscriber.Url}}"}""");

        await app.PostWebhookAsync(Fixture.Sample("instagram-text.json"));

        var after = (await app.WaitForEventsAsync(4)).Select(e => e.GetProperty("id").GetString()).Except(before.Select(e => e.GetProperty("id").GetString())).Single();
        await app.WaitForDeliveriesAsync($"subscription_id={subscriptionId}", d => d.Count == 1 && d[0].Status() == "delivered");
        await Task.Delay(500); // several poll intervals: nothing older follows
        Assert.Equal([after], subscriber.Requests.Select(r => r.WebhookId));
    }

    [Fact]
    public async Task DeleteSubscription_StopsItsDeliveries()
    {
        var app = App();
        var subscriber = await SubscriberAsync();
        var (subscriptionId, _) = await app.SubscribeAsync($$"""{"url":"{{subscriber.Url}}"}""");
        await app.PostWebhookAsync(Fixture.Sample("instagram-text.json"));
        await subscriber.WaitAsync(r => r.Count == 1);
        using var api = app.Api();

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/v1/subscriptions/{subscriptionId}")).StatusCode);
        await app.PostWebhookAsync(Fixture.Sample("messenger-text-batch.json"));

        await app.WaitForEventsAsync(4);
        await app.WaitForDrainAsync();
        await Task.Delay(500); // several poll intervals
        Assert.Single(subscriber.Requests);
    }

    [Fact]
    public async Task Claim_StaleLease_IsTakenOverFromTheCursorAndTheOldOwnerCanNoLongerMoveIt()
    {
        await using var app = new NormalizerApplication(processInbox: false);
        var (subscriptionId, _) = await app.SubscribeAsync("""{"url":"http://127.0.0.1:9/hooks"}""");
        var store = app.Services.GetRequiredService<IDeliveryStore>();
        var t0 = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
        var lease = TimeSpan.FromSeconds(30);

        var first = await store.ClaimAsync(subscriptionId, "host-a", t0, t0 + lease, CancellationToken.None);
        await store.CommitAsync(Move(subscriptionId, "host-a", first, 5), CancellationToken.None);
        var whileHeld = await store.ClaimAsync(subscriptionId, "host-b", t0 + TimeSpan.FromSeconds(10), t0 + TimeSpan.FromSeconds(40), CancellationToken.None);
        var takenOver = await store.ClaimAsync(subscriptionId, "host-b", t0 + lease + TimeSpan.FromSeconds(1), t0 + TimeSpan.FromSeconds(61), CancellationToken.None);
        await store.CommitAsync(Move(subscriptionId, "host-a", first, 9), CancellationToken.None);
        var renewed = await store.ClaimAsync(subscriptionId, "host-b", t0 + TimeSpan.FromSeconds(40), t0 + TimeSpan.FromSeconds(70), CancellationToken.None);

        Assert.Equal(16, first.Count);
        Assert.Empty(whileHeld);
        Assert.Equal(16, takenOver.Count);
        Assert.All(takenOver, c => Assert.Equal(5, c.CursorSeq));
        Assert.All(renewed, c => Assert.Equal(5, c.CursorSeq));
        Assert.Empty(await store.ClaimAsync(subscriptionId, "host-a", t0 + TimeSpan.FromSeconds(45), t0 + TimeSpan.FromSeconds(75), CancellationToken.None));
    }

    private static DeliveryBatch Move(string subscriptionId, string owner, IReadOnlyList<DeliveryCursor> cursors, long seq)
    {
        var batch = new DeliveryBatch(subscriptionId, owner);
        batch.Cursors.Add((0, [.. cursors.Select(c => c.Partition)], seq));
        return batch;
    }

    // Round r: one webhook with message r of every customer; each customer is a conversation of its own.
    private static async Task PostRoundsAsync(NormalizerApplication app)
    {
        for (var round = 0; round < Rounds; round++)
        {
            var messaging = string.Join(",", Enumerable.Range(0, Customers).Select(c => string.Create(CultureInfo.InvariantCulture,
                $$$"""{"sender":{"id":"77234190000{{{c:D3}}}"},"recipient":{"id":"104523987765432"},"timestamp":{{{1763640000000 + (round * 1000) + c}}},"message":{"mid":"m_cursor_{{{round}}}_{{{c}}}_Qx7sT1nBv9kLrV0aZcYt2wGdEe3hJkL","text":"customer {{{c}}} message {{{round}}}"}}""")));
            var body = Encoding.UTF8.GetBytes($$"""{"object":"page","entry":[{"id":"104523987765432","time":1763640000000,"messaging":[{{messaging}}]}]}""");
            Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(body)).StatusCode);
        }
    }

    private static int Conversation(SubscriberRequest request) => int.Parse(Text().Match(request.BodyText).Groups[1].Value, CultureInfo.InvariantCulture);

    private static int Round(SubscriberRequest request) => int.Parse(Text().Match(request.BodyText).Groups[2].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("customer (\\d+) message (\\d+)")]
    private static partial Regex Text();

    private NormalizerApplication App(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Normalizer:Delivery:BaseDelay"] = "00:00:00.050",
            ["Normalizer:Delivery:MaxDelay"] = "00:00:00.200",
            ["Normalizer:Delivery:PollInterval"] = "00:00:00.100",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var app = new NormalizerApplication(settings: all);
        return Own(app);
    }
}
