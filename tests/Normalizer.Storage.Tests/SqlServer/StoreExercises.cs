using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Normalizer.Credentials;
using Normalizer.Delivery;
using Normalizer.Events;
using Normalizer.Health;
using Normalizer.Host.Credentials;
using Normalizer.Identity;
using Normalizer.Ids;
using Normalizer.Ingest;
using Normalizer.Sending;
using Normalizer.Storage.Dapper;
using Normalizer.Storage.Tests.SqlServer.Recording;

namespace Normalizer.Storage.Tests.SqlServer;

/// <summary>
/// Every public method of every store, run against a <see cref="RecordingStore"/>, answered where a statement runs only
/// after another returned something (a generated id, a count, a page of ids).
/// </summary>
internal static class StoreExercises
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Now = new(2025, 11, 21, 8, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyDictionary<string, Func<RecordingStore, Task>> All = new Dictionary<string, Func<RecordingStore, Task>>
    {
        ["SqlEventSink+SqlDedupStore+StoreSession"] = EventSinkAsync,
        ["SqlInbox+InboxWriter"] = InboxAsync,
        ["SqlEventStore"] = EventStoreAsync,
        ["SqlQuarantine"] = QuarantineAsync,
        ["SqlSubscriptionStore"] = SubscriptionsAsync,
        ["SqlDeliveryStore"] = DeliveriesAsync,
        ["SqlContactStore"] = ContactsAsync,
        ["SqlConversationStore"] = store => new SqlConversationStore(store).GetAsync("conv_1", None),
        ["SqlPendingSendStore"] = PendingSendsAsync,
        ["SqlPageTokenStore"] = PageTokensAsync,
        ["SqlTemplateStore"] = TemplatesAsync,
        ["RetentionPruner"] = PruneAsync,
        ["MigrationRunner"] = store => new MigrationRunner(store, TimeProvider.System).ApplyAsync(None),
        ["StoreXmlRepository"] = DataProtectionKeysAsync,
    };

    private static async Task EventSinkAsync(RecordingStore store)
    {
        store.Log.Answer("OUTPUT INSERTED.", ["seq"], 1L);
        await using var session = new StoreSession(store) { InboxId = 7 };
        Assert.True(await new SqlDedupStore(session).TryClaimAsync("evt_1", None));
        var mark = await session.SaveAsync("row", None);
        var scope = new TaggedId(IdType.PhoneNumberId, "1055");
        await new SqlEventSink(session, TimeProvider.System).AppendAsync(Event(), [
            new ScopedId(new TaggedId(IdType.WaId, "34600000000"), scope), new ScopedId(new TaggedId(IdType.WaBsuid, "ES.1188"), scope),
        ], None);
        await session.RollbackToAsync("row", mark, None);
        await session.ReleaseAsync("row", None);
        await session.CommitAsync(None);
    }

    private static async Task InboxAsync(RecordingStore store)
    {
        store.Log.Answer("OUTPUT INSERTED.", ["id"], 1L).Answer("SELECT COUNT(*), MIN(received_at)", ["n", "oldest"], 3, DBNull.Value);
        await using var writer = new InboxWriter(store, new WorkSignal(), new StoreWriteGates(store), new BackgroundLoops(TimeProvider.System),
            NullLogger<InboxWriter>.Instance);
        var inbox = new SqlInbox(writer, store, TimeProvider.System);
        Assert.Equal(1, await inbox.AppendAsync(new InboxItem(Now, Platform.WhatsApp, true, "{}", "{}"u8.ToArray()), None));
        await inbox.ReadPendingAsync(10, long.MaxValue, None);
        await using var session = new StoreSession(store);
        await inbox.ReadPendingAsync(session, 10, long.MaxValue, None);
        await inbox.MarkProcessedAsync(session, [1, 2], None);
        await inbox.CountAttemptAsync(1, 2, None);
        await inbox.ProcessedThroughAsync(None);
        Assert.Equal((3L, (long?)null), await inbox.LagAsync(None));
    }

    private static async Task EventStoreAsync(RecordingStore store)
    {
        var events = new SqlEventStore(store);
        await events.ListAsync(new EventQuery(), None);
        await events.ListAsync(new EventQuery { After = 3, Limit = 5, Platform = Platform.Instagram, PageId = "1055", Event = EventName.MessageReceived }, None);
        await events.HeadAsync(None);
        await events.GetAsync("evt_1", None);
    }

    private static async Task QuarantineAsync(RecordingStore store)
    {
        var quarantine = new SqlQuarantine(store, TimeProvider.System);
        await using (var session = new StoreSession(store))
        {
            await quarantine.AddAsync(session, 7, "evt_1", "invalid", "{}"u8.ToArray(), 0, None);
        }

        await quarantine.ListAsync(0, 10, None);
    }

    private static async Task SubscriptionsAsync(RecordingStore store)
    {
        var subscriptions = new SqlSubscriptionStore(store);
        await subscriptions.AddAsync(Subscription(), None);
        await subscriptions.ListAsync(None);
        await subscriptions.GetAsync("sub_1", None);
        await subscriptions.DeleteAsync("sub_1", None);
    }

    private static async Task DeliveriesAsync(RecordingStore store)
    {
        var deliveries = new SqlDeliveryStore(store, new StoreWriteGates(store), TimeProvider.System);
        var subscription = Subscription();
        await deliveries.CreateCursorsAsync(subscription.Id, 2, None);
        await deliveries.ClaimAsync(subscription.Id, "host-a", Now, Now.AddMinutes(1), None);
        await deliveries.ReleaseAsync(subscription.Id, "host-a", None);
        await deliveries.PartitionCountAsync(subscription.Id, None);
        await deliveries.ReadAsync(subscription, 0, null, 100, None);
        await deliveries.ReadAsync(subscription with { Platforms = null, PageIds = null, Events = null }, 0, 10, 100, None);
        await deliveries.ReadParkedAsync(subscription.Id, None);
        var logEvent = new LogEvent(1, "evt_1", "conv_1", "{}");
        var batch = new DeliveryBatch(subscription.Id, "host-a");
        batch.Attempts.Add((logEvent, new DeliveryAttempt { Attempt = 1, At = Now, StatusCode = 500, DurationMs = 1 }));
        batch.Retries.Add((0, new ParkedEvent(0, logEvent, 1, Now)));
        batch.Released.Add((0, 2));
        batch.Cursors.Add((1, [0, 1], 5));
        await deliveries.CommitAsync(batch, None);

        store.Log.Answer("AS SubscriptionId FROM (SELECT event_seq", ["Seq", "SubscriptionId"], 1L, subscription.Id)
            .Answer("SELECT COUNT(*) FROM events", ["n"], 1)
            .Answer("SELECT partition FROM delivery_cursors WHERE subscription_id = @s AND stream = 0", ["partition"], 0L);
        await deliveries.ListAsync(null, null, 10, None);
        await deliveries.ListAsync("evt_1", subscription.Id, 10, None);
        Assert.Equal(1, await deliveries.ReplayAsync(subscription, 1, 10, None));
    }

    private static async Task ContactsAsync(RecordingStore store)
    {
        var contacts = new SqlContactStore(store);
        await contacts.GetAsync("ct_1", None);
        await contacts.FindAsync("7723419865501234", "104523987765432", None);
        await contacts.ListByPersonAsync("person-1", None);
        await contacts.ListByAsidAsync(new AppScopedId("1122334455", "1000000000000001"), None);
        await contacts.ListByScopedIdsAsync("104523987765432", ["7723419865501234", "6541203398761122"], None);
        await contacts.MergePersonsAsync("person-1", "person-2", None);
        await contacts.MarkInactiveAsync("ct_1", None);
        await contacts.LinkAsync("ct_1", new AppScopedId("1122334455", "1000000000000001"), "person-2", new UserProfile { Name = "Ana Souza" }, None);
        await contacts.SaveAsync(new Contact
        {
            Id = "ct_1", PersonId = "person-1", Platform = Platform.Facebook, ScopedId = "7723419865501234", IdType = IdType.Psid,
            ScopeId = "104523987765432", Asid = "1122334455", AsidAppId = "1000000000000001", IsActive = true, FirstSeen = Now, LastSeen = Now,
        }, None);
    }

    private static async Task PendingSendsAsync(RecordingStore store)
    {
        var sends = new SqlPendingSendStore(store, TimeProvider.System);
        var id = await sends.AddAsync("person-1", new SendRequest { To = "conv_1", Message = new OutboundMessage { Body = "hi" } }, None);
        await sends.ListPendingAsync("person-1", None);
        await sends.ClaimAsync(id, TimeSpan.FromMinutes(5), None);
        await sends.CompleteAsync(id, new SendResult { Status = SendStatus.Sent, Attempts = [] }, None);
    }

    private static async Task PageTokensAsync(RecordingStore store)
    {
        var tokens = new SqlPageTokenStore(store);
        await tokens.ListAsync(None);
        await tokens.UpsertAsync(new StoredPageToken { PageId = "1055", Platform = "facebook", ProtectedToken = "protected" }, None);
        await tokens.DeleteAsync("1055", None);
    }

    private static async Task TemplatesAsync(RecordingStore store)
    {
        var templates = new SqlTemplateStore(store);
        await templates.GetAsync("welcome", None);
        await templates.ListAsync(None);
        await templates.ReplaceAsync("welcome", new Dictionary<string, string> { ["en"] = "Hi", ["es"] = "Hola" }, Now, None);
        await templates.DeleteAsync("welcome", None);
    }

    private static async Task PruneAsync(RecordingStore store)
    {
        foreach (var (key, table) in new[] { ("id", "delivery_attempts"), ("seq", "events"), ("id", "quarantine"), ("id", "inbox") })
        {
            // The front of the table: one row; deleting up to it deletes that row.
            store.Log.Answer($"SELECT COUNT(*), MAX({key}) FROM (SELECT {key} FROM {table} ", ["n", "last"], 1L, 1L);
            store.Log.Answer($"DELETE FROM {table} WHERE ", ["gone"], 1L);
        }

        var options = new ServiceCollection().AddOptions().BuildServiceProvider().GetRequiredService<IOptionsMonitor<RetentionOptions>>();
        await using var writer = new InboxWriter(store, new WorkSignal(), new StoreWriteGates(store), new BackgroundLoops(TimeProvider.System),
            NullLogger<InboxWriter>.Instance);
        var inbox = new SqlInbox(writer, store, TimeProvider.System);
        var pruned = await new RetentionPruner(store, inbox, new StoreWriteGates(store), options).PruneAsync(Now, None);
        Assert.Equal(new Pruned(1, 1, 1, 1), pruned);
    }

    private static Task DataProtectionKeysAsync(RecordingStore store)
    {
        var keys = new StoreXmlRepository(store);
        keys.GetAllElements();
        keys.StoreElement(new XElement("key", new XAttribute("id", "k1")), "key-k1");
        return Task.CompletedTask;
    }

    private static NormalizedEvent Event() => new()
    {
        Id = "evt_1", Platform = Platform.WhatsApp, Event = EventName.MessageReceived, Timestamp = 1_763_712_000, ReceivedAt = Now,
        PageId = "1055", PageIdType = IdType.PhoneNumberId, UserId = "34600000000", UserIdType = IdType.WaId, ConversationId = "conv_1",
        SignatureVerified = true, Standby = false, Raw = new RawJson("{}"u8.ToArray()),
    };

    private static Subscription Subscription() => new()
    {
        Id = "sub_1", Url = new Uri("https://example.test/hook"), Secret = "s", Platforms = [Platform.WhatsApp], PageIds = ["1055"],
        Events = [EventName.MessageReceived], CreatedAt = Now,
    };
}
