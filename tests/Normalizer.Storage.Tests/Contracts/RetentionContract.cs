using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Delivery;
using Normalizer.Events;
using Normalizer.Ingest;
using Normalizer.Testing;

namespace Normalizer.Storage.Tests.Contracts;

/// <summary>
/// The retention pruner deletes what is past its retention, in batches, and never an event a subscription's cursor has not
/// passed or that waits for a retry, nor an unprocessed webhook; a retention of zero keeps a kind for ever.
/// </summary>
public abstract class RetentionContract<TDatabase> : StoreContract<TDatabase>
    where TDatabase : ITestDatabase
{
    private static readonly TimeSpan Later = TimeSpan.FromDays(100);

    // The store's settings (Normalizer:Retention, …), read when the pruner first asks for them.
    private readonly IConfigurationRoot _settings = new ConfigurationBuilder().AddInMemoryCollection().Build();

    private IInbox Inbox => Store.Services.GetRequiredService<IInbox>();

    protected override void Configure(IServiceCollection services) => services.AddSingleton<IConfiguration>(_settings);

    [StoreFact]
    public async Task Prune_PastRetention_DeletesInBatches_KeepsWhatACursorHasNotPassedRetriedEventsAndUnprocessedRows()
    {
        _settings["Normalizer:Retention:BatchSize"] = "1";
        // Deliveries only for Instagram, to a receiver that is never asked (no delivery worker runs): its cursors stay at 0.
        var subscriptions = Store.Services.GetRequiredService<ISubscriptionStore>();
        var deliveries = Store.Services.GetRequiredService<IDeliveryStore>();
        await subscriptions.AddAsync(new Subscription
        {
            Id = "sub_retention", Url = new Uri("http://127.0.0.1:9/hooks"), Secret = "whsec_retention", Platforms = [Platform.Instagram],
            CreatedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
        await deliveries.CreateCursorsAsync("sub_retention", new DeliveryOptions().Partitions, CancellationToken.None);
        foreach (var body in new[] { Fixture.Sample("messenger-text-batch.json"), Fixture.Sample("instagram-text.json"), """{"object":"page"}"""u8.ToArray() })
        {
            await Inbox.AppendAsync(Webhook(body), CancellationToken.None);
        }

        var processor = Store.Services.GetRequiredService<InboxProcessor>();
        while (await processor.ProcessNextBatchAsync(CancellationToken.None) > 0)
        {
        }

        await Inbox.AppendAsync(Webhook(Fixture.Sample("whatsapp-text-and-status.json")), CancellationToken.None); // left unprocessed
        var pruner = Store.Services.GetRequiredService<RetentionPruner>();

        var nothingYet = await pruner.PruneAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        var first = await pruner.PruneAsync(DateTimeOffset.UtcNow + Later, CancellationToken.None);

        Assert.Equal(0, nothingYet.Total);
        Assert.Equal(new Pruned(Inbox: 3, Events: 0, Deliveries: 0, Quarantine: 1), first);
        Assert.Equal(4, (await EventsAsync()).Count);
        Assert.Empty(await Store.Services.GetRequiredService<IQuarantine>().ListAsync(0, 100, CancellationToken.None));
        Assert.Equal(1, (await Inbox.LagAsync(CancellationToken.None)).Count);

        // The cursors pass every event, but the Instagram one failed and waits for a retry: only it stays, with its attempt.
        var sub = (await subscriptions.GetAsync("sub_retention", CancellationToken.None))!;
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
        var kept = Assert.Single(await EventsAsync());
        Assert.Equal(Platform.Instagram, kept.Event.Platform);

        // Once the delivery is finished (dead here), its attempts and then its event go too.
        var dead = new DeliveryBatch(sub.Id, "test");
        dead.Attempts.Add((instagram, new DeliveryAttempt { Attempt = 2, At = DateTimeOffset.UtcNow, StatusCode = 500, DurationMs = 1 }));
        dead.Released.Add((0, instagram.Seq));
        await deliveries.CommitAsync(dead, CancellationToken.None);
        Assert.Equal("dead", Assert.Single(await deliveries.ListAsync(instagram.Id, null, 10, CancellationToken.None)).Status);
        var third = await pruner.PruneAsync(DateTimeOffset.UtcNow + Later, CancellationToken.None);

        Assert.Equal(new Pruned(Inbox: 0, Events: 1, Deliveries: 2, Quarantine: 0), third);
        Assert.Empty(await EventsAsync());
        Assert.Empty(await deliveries.ListAsync(null, sub.Id, 10, CancellationToken.None));
    }

    [StoreFact]
    public async Task Prune_RetentionZero_KeepsThatKindForEver()
    {
        _settings["Normalizer:Retention:Events"] = "00:00:00";
        _settings["Normalizer:Retention:Inbox"] = "00:00:00";
        await Inbox.AppendAsync(Webhook(Fixture.Sample("messenger-text-batch.json")), CancellationToken.None);
        await Store.Services.GetRequiredService<InboxProcessor>().ProcessNextBatchAsync(CancellationToken.None);

        var pruned = await Store.Services.GetRequiredService<RetentionPruner>().PruneAsync(DateTimeOffset.UtcNow + TimeSpan.FromDays(3650), CancellationToken.None);

        Assert.Equal(0, pruned.Total);
        Assert.Equal(3, (await EventsAsync()).Count);
    }

    // A signed webhook as POST /webhooks/meta stores it: no channel pinned, the body as received.
    private static InboxItem Webhook(byte[] body) => new(DateTimeOffset.UtcNow, null, true, null, body);

    // The first page of the log, as GET /v1/events serves it.
    private async Task<IReadOnlyList<StoredEvent>> EventsAsync() =>
        await Store.Services.GetRequiredService<IEventStore>().ListAsync(new EventQuery(), CancellationToken.None);
}
