using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Normalizer.Delivery;
using Normalizer.Ingest;
using Normalizer.Storage;
using Normalizer.Testing;

namespace Normalizer.Host.Tests.Storage;

/// <summary>
/// The retention pruner deletes what is past its retention, in batches, and never an event a subscription's cursor has not
/// passed or that waits for a retry, nor an unprocessed webhook; a retention of zero keeps a kind for ever.
/// </summary>
public sealed class RetentionTests
{
    private static readonly TimeSpan Later = TimeSpan.FromDays(100);

    [Fact]
    public async Task Prune_PastRetention_DeletesInBatches_KeepsWhatACursorHasNotPassedRetriedEventsAndUnprocessedRows()
    {
        await using var app = new NormalizerApplication(processInbox: false,
            settings: new Dictionary<string, string?> { ["Normalizer:Retention:BatchSize"] = "1" });
        using var api = app.Api();
        // Deliveries only for Instagram, to a receiver that is never asked (no delivery worker runs): its cursors stay at 0.
        var subscription = await api.PostAsync("/v1/subscriptions",
            NormalizerApplication.Json("""{"url":"http://127.0.0.1:9/hooks","platforms":["instagram"]}"""));
        Assert.Equal(HttpStatusCode.Created, subscription.StatusCode);
        var created = await subscription.Content.ReadFromJsonAsync<JsonElement>();
        app.WatchSecret(created.GetProperty("secret").GetString()!);
        foreach (var body in new[] { Fixture.Sample("messenger-text-batch.json"), Fixture.Sample("instagram-text.json"), """{"object":"page"}"""u8.ToArray() })
        {
            Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(body)).StatusCode);
        }

        var processor = app.Services.GetRequiredService<InboxProcessor>();
        while (await processor.ProcessNextBatchAsync(CancellationToken.None) > 0)
        {
        }

        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(Fixture.Sample("whatsapp-text-and-status.json"))).StatusCode); // left unprocessed
        var pruner = app.Services.GetRequiredService<RetentionPruner>();

        var nothingYet = await pruner.PruneAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        var first = await pruner.PruneAsync(DateTimeOffset.UtcNow + Later, CancellationToken.None);

        Assert.Equal(0, nothingYet.Total);
        Assert.Equal(new Pruned(Inbox: 3, Events: 0, Deliveries: 0, Quarantine: 1), first);
        Assert.Equal(4, (await EventsAsync(api)).Count);
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>("/v1/quarantine")).GetProperty("data").EnumerateArray());
        Assert.Equal(1, (await app.CreateClient().GetFromJsonAsync<JsonElement>("/readyz")).GetProperty("inbox_pending").GetInt64());

        // The cursors pass every event, but the Instagram one failed and waits for a retry: only it stays, with its attempt.
        var deliveries = app.Services.GetRequiredService<IDeliveryStore>();
        var sub = (await app.Services.GetRequiredService<ISubscriptionStore>().GetAsync(created.GetProperty("id").GetString()!, CancellationToken.None))!;
        var cursors = await deliveries.ClaimAsync(sub.Id, "test", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);
        var instagram = Assert.Single(await deliveries.ReadAsync(sub, 0, null, 10, CancellationToken.None));
        var partition = ConversationPartition.Of(instagram.ConversationKey, cursors.Count);
        var failed = new DeliveryBatch(sub.Id, "test");
        failed.Attempts.Add((instagram, new DeliveryAttempt { Attempt = 1, At = DateTimeOffset.UtcNow, StatusCode = 500, DurationMs = 1 }));
        failed.Retries.Add((partition, new ParkedEvent(0, instagram, 1, DateTimeOffset.UtcNow.AddMinutes(1))));
        failed.Cursors.Add((0, [.. cursors.Select(c => c.Partition)], long.MaxValue));
        await deliveries.CommitAsync(failed, CancellationToken.None);
        var second = await pruner.PruneAsync(DateTimeOffset.UtcNow + Later, CancellationToken.None);

        Assert.Equal(new Pruned(Inbox: 0, Events: 3, Deliveries: 0, Quarantine: 0), second);
        var kept = Assert.Single(await EventsAsync(api));
        Assert.Equal("instagram", kept.GetProperty("platform").GetString());

        // Once the delivery is finished (dead here), its attempts and then its event go too.
        var dead = new DeliveryBatch(sub.Id, "test");
        dead.Attempts.Add((instagram, new DeliveryAttempt { Attempt = 2, At = DateTimeOffset.UtcNow, StatusCode = 500, DurationMs = 1 }));
        dead.Released.Add((0, instagram.Seq));
        await deliveries.CommitAsync(dead, CancellationToken.None);
        Assert.Equal("dead", Assert.Single(await deliveries.ListAsync(instagram.Id, null, 10, CancellationToken.None)).Status);
        var third = await pruner.PruneAsync(DateTimeOffset.UtcNow + Later, CancellationToken.None);

        Assert.Equal(new Pruned(Inbox: 0, Events: 1, Deliveries: 2, Quarantine: 0), third);
        Assert.Empty(await EventsAsync(api));
        Assert.Empty(await deliveries.ListAsync(null, sub.Id, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Prune_RetentionZero_KeepsThatKindForEver()
    {
        await using var app = new NormalizerApplication(processInbox: false, settings: new Dictionary<string, string?>
        {
            ["Normalizer:Retention:Events"] = "00:00:00",
            ["Normalizer:Retention:Inbox"] = "00:00:00",
        });
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(Fixture.Sample("messenger-text-batch.json"))).StatusCode);
        await app.Services.GetRequiredService<InboxProcessor>().ProcessNextBatchAsync(CancellationToken.None);

        var pruned = await app.Services.GetRequiredService<RetentionPruner>().PruneAsync(DateTimeOffset.UtcNow + TimeSpan.FromDays(3650), CancellationToken.None);

        Assert.Equal(0, pruned.Total);
        using var api = app.Api();
        Assert.Equal(3, (await EventsAsync(api)).Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Worker_PrunesWhenTheClockPassesTheRetention_UnlessDisabled(bool enabled)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new NormalizerApplication(settings: new Dictionary<string, string?>
        {
            ["Normalizer:Retention:Enabled"] = enabled ? "true" : "false",
            ["Normalizer:Retention:Events"] = "1.00:00:00",
        })
        {
            Time = clock,
        };
        using var api = app.Api();
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(Fixture.Sample("messenger-text-batch.json"))).StatusCode);
        await app.WaitForEventsAsync(3);
        await app.WaitForDrainAsync();

        clock.Advance(TimeSpan.FromDays(2)); // completes the worker's one-minute wait; the events are two days old
        var left = await EventsAsync(api);
        for (var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(enabled ? 20 : 1); left.Count > 0 && DateTime.UtcNow < deadline; left = await EventsAsync(api))
        {
            await Task.Delay(50);
            clock.Advance(TimeSpan.FromMinutes(1)); // a worker that began its wait only after the first advance
        }

        var loops = (await app.CreateClient().GetFromJsonAsync<JsonElement>("/readyz")).GetProperty("loops");

        Assert.Equal(enabled ? 0 : 3, left.Count);
        Assert.Equal(enabled, loops.EnumerateArray().Any(l => l.GetProperty("name").GetString() == "retention"));
    }

    private static async Task<List<JsonElement>> EventsAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>("/v1/events")).GetProperty("data").EnumerateArray().Select(e => e.Clone()).ToList();
}
