using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Delivery;
using Normalizer.Events;
using Normalizer.Identity;
using Normalizer.Ingest;
using Normalizer.Json;
using Normalizer.Testing;

namespace Normalizer.Storage.Tests.Contracts;

/// <summary>Insert-first deduplication in the store (PRODUCT.md §8): the unique id decides, whichever writer comes second.</summary>
public abstract class EventSinkContract<TDatabase> : StoreContract<TDatabase>
    where TDatabase : ITestDatabase
{
    private static readonly NormalizedEvent Event = TestNormalizer.Events(Fixture.Sample("messenger-text-batch.json"))[0];

    [StoreFact]
    public async Task Append_SameIdByTwoWritersAtOnce_TheSecondFindsItStoredAndWritesNothing()
    {
        await using var first = Store.Services.CreateAsyncScope();
        var firstStored = await AppendAsync(first);

        // The second writer (another host) appends the same update while the first has not committed.
        var second = Task.Run(async () =>
        {
            await using var scope = Store.Services.CreateAsyncScope();
            var stored = await AppendAsync(scope);
            await scope.ServiceProvider.GetRequiredService<StoreSession>().CommitAsync(default);
            return (stored, scope.ServiceProvider.GetRequiredService<StoreSession>().Stored.Count);
        });
        await first.ServiceProvider.GetRequiredService<StoreSession>().CommitAsync(default);
        var (secondStored, secondAnnounced) = await second;

        var log = await Store.Services.GetRequiredService<IEventStore>().ListAsync(new EventQuery(), default);
        Assert.True(firstStored);
        Assert.False(secondStored);
        Assert.Equal(0, secondAnnounced);
        Assert.Equal([Event.Id], log.Select(e => e.Event.Id));
    }

    [StoreFact]
    public async Task Pipeline_IdStoredByAnEarlierSession_IsADuplicate_AndTheSameIdTwiceInOneSessionToo()
    {
        await using (var earlier = Store.Services.CreateAsyncScope())
        {
            await AppendAsync(earlier);
            await earlier.ServiceProvider.GetRequiredService<StoreSession>().CommitAsync(default);
        }

        await using var scope = Store.Services.CreateAsyncScope();
        var pipeline = scope.ServiceProvider.GetRequiredService<EventPipeline>();
        var again = await pipeline.ProcessAsync(Event, default);
        var other = Event with { Id = "evt_other" };
        var first = await pipeline.ProcessAsync(other, default);
        var repeated = await pipeline.ProcessAsync(other, default);

        Assert.Equal(ProcessEventOutcome.Duplicate, again.Outcome);
        Assert.Equal(ProcessEventOutcome.Stored, first.Outcome);
        Assert.Equal(ProcessEventOutcome.Duplicate, repeated.Outcome);
    }

    [StoreFact]
    public async Task DeferredAppends_NewEventsAreAnnouncedWithTheirPositionsAtCommit_RedeliveriesAreNot()
    {
        await using (var earlier = Store.Services.CreateAsyncScope())
        {
            await AppendAsync(earlier);
            await earlier.ServiceProvider.GetRequiredService<StoreSession>().CommitAsync(default);
        }

        await using var scope = Store.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<StoreSession>();
        session.DefersAppends = true;
        var pipeline = scope.ServiceProvider.GetRequiredService<EventPipeline>();
        var others = Enumerable.Range(0, 3).Select(i => Event with { Id = $"evt_kept_{i}", ConversationId = $"conv_kept_{i}" }).ToArray();
        var outcomes = new List<ProcessEventOutcome>
        {
            (await pipeline.ProcessAsync(others[0], default)).Outcome,
            (await pipeline.ProcessAsync(Event, default)).Outcome, // stored by the earlier session
            (await pipeline.ProcessAsync(others[1], default)).Outcome,
            (await pipeline.ProcessAsync(others[1], default)).Outcome, // twice in this session
            (await pipeline.ProcessAsync(others[2], default)).Outcome,
        };
        await session.CommitAsync(default);

        // Where the provider keeps statements (a server) the answers come with the commit; SQLite answers each at once.
        var kept = Store.Services.GetRequiredService<IStoreConnectionFactory>().DefersStatements;
        ProcessEventOutcome[] expected = kept
            ? [.. Enumerable.Repeat(ProcessEventOutcome.Pending, 5)]
            : [ProcessEventOutcome.Stored, ProcessEventOutcome.Duplicate, ProcessEventOutcome.Stored, ProcessEventOutcome.Duplicate, ProcessEventOutcome.Stored];
        Assert.Equal(expected, outcomes);
        Assert.Equal(others.Select(e => e.Id), session.Stored.Select(s => s.Event.Id));
        var log = await Store.Services.GetRequiredService<IEventStore>().ListAsync(new EventQuery(), default);
        Assert.Equal([Event.Id, .. others.Select(e => e.Id)], log.Select(e => e.Event.Id));
        Assert.Equal(log.Skip(1).Select(e => e.Seq), session.Stored.Select(s => s.Seq));
        var conversation = await Store.Services.GetRequiredService<IConversationStore>().GetAsync(others[2].ConversationId!, default);
        Assert.Equal(others[2].Timestamp * 1000, conversation?.LastInboundAt?.ToUnixTimeMilliseconds());
    }

    [StoreFact]
    public async Task Read_EventOfACustomer_CarriesItsContactAndThePersonAsOfReading_InTheLogAndInDeliveries()
    {
        await using (var scope = Store.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EventPipeline>().ProcessAsync(Event, default);
            await scope.ServiceProvider.GetRequiredService<StoreSession>().CommitAsync(default);
        }

        var contacts = Store.Services.GetRequiredService<IContactStore>();
        var events = Store.Services.GetRequiredService<IEventStore>();
        var contact = await contacts.FindAsync(Event.UserId!, Event.PageId, default);
        Assert.NotNull(contact);
        var listed = Assert.Single(await events.ListAsync(new EventQuery(), default)).Event;

        await contacts.MergePersonsAsync(contact.PersonId, "person-survivor", default);
        var merged = (await events.GetAsync(Event.Id, default))?.Event;
        var subscription = new Subscription { Id = "sub_1", Url = new Uri("https://consumer.example/h"), Secret = "s", CreatedAt = DateTimeOffset.UnixEpoch };
        var delivered = Assert.Single(await Store.Services.GetRequiredService<IDeliveryStore>().ReadAsync(subscription, 0, null, 10, default));

        Assert.Equal((contact.Id, contact.PersonId), (listed.ContactId, listed.PersonId));
        Assert.Equal((contact.Id, "person-survivor"), (merged?.ContactId, merged?.PersonId));
        // Delivered as the same text the event has when read and written again.
        Assert.Equal(Json(merged), delivered.Body);
        Assert.Equal(Json(Event with { ContactId = contact.Id, PersonId = "person-survivor" }), Json(merged));
    }

    [StoreFact]
    public async Task Read_EventStoredWithoutItsCustomersContact_HasNeitherContactNorPerson()
    {
        await using (var scope = Store.Services.CreateAsyncScope())
        {
            await AppendAsync(scope);
            await scope.ServiceProvider.GetRequiredService<StoreSession>().CommitAsync(default);
        }

        var read = Assert.Single(await Store.Services.GetRequiredService<IEventStore>().ListAsync(new EventQuery(), default)).Event;

        Assert.Null(read.ContactId);
        Assert.Null(read.PersonId);
        Assert.Equal(Json(Event), Json(read));
    }

    [StoreFact]
    public async Task Migration_EventStoredBeforeItsCustomerWasKept_GetsItFromItsConversation()
    {
        await using (var scope = Store.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EventPipeline>().ProcessAsync(Event, default);
            await scope.ServiceProvider.GetRequiredService<StoreSession>().CommitAsync(default);
        }

        var contact = await Store.Services.GetRequiredService<IContactStore>().FindAsync(Event.UserId!, Event.PageId, default);
        var events = Store.Services.GetRequiredService<IEventStore>();
        await using var connection = await Store.Connections.OpenAsync(default);
        // As an earlier version stored it: no user_id column value, the conversation names the customer.
        await connection.ExecuteAsync("UPDATE events SET user_id = NULL");
        var before = (await events.GetAsync(Event.Id, default))?.Event;

        await connection.ExecuteAsync(BackfillOf(Store.Connections.Dialect.Name));

        var after = (await events.GetAsync(Event.Id, default))?.Event;
        Assert.Null(before?.ContactId);
        Assert.Equal((contact?.Id, contact?.PersonId), (after?.ContactId, after?.PersonId));
    }

    // The UPDATE of the migration that adds events.user_id (wrapped in EXEC on SQL Server).
    private static string BackfillOf(string dialect)
    {
        var sql = MigrationRunner.For(dialect).Single(m => m.Sql.Contains("UPDATE events SET user_id", StringComparison.Ordinal)).Sql;
        var start = sql.IndexOf("UPDATE events SET user_id", StringComparison.Ordinal);
        return sql[start..sql.IndexOf(';', start)].TrimEnd('\'', ')');
    }

    private static string Json(NormalizedEvent? evt) => JsonSerializer.Serialize(evt, NormalizerJsonContext.Default.NormalizedEvent);

    [StoreFact]
    public async Task Pipeline_MarketingStopThenResume_KeptOnTheContactApartFromReachabilityAndTheReplyWindow()
    {
        // Published bodies: a WhatsApp customer's marketing resume and stop (user_preferences), and a message of theirs.
        var preferences = TestNormalizer.Events(Fixture.Load("whatsapp", "user-preferences"));
        var (resume, stop) = (preferences[0], preferences[1]);
        var message = TestNormalizer.Events(Fixture.Load("whatsapp", "welcome-and-groups"))[1];
        var contacts = Store.Services.GetRequiredService<IContactStore>();
        var conversations = Store.Services.GetRequiredService<IConversationStore>();

        await ProcessAsync(stop);
        var stopped = await contacts.FindAsync(stop.UserId!, stop.PageId, default);
        var afterStop = await conversations.GetAsync(stop.ConversationId!, default);
        await ProcessAsync(message);
        var wrote = await contacts.FindAsync(stop.UserId!, stop.PageId, default);
        await ProcessAsync(resume);
        var resumed = await contacts.FindAsync(stop.UserId!, stop.PageId, default);

        // A stop neither makes the customer unreachable nor opens a reply window; a message leaves it; a resume clears it.
        Assert.Equal((true, true), (stopped!.MarketingOptOut, stopped.IsActive));
        Assert.Null(afterStop!.LastInboundAt);
        Assert.Equal((true, true), (wrote!.MarketingOptOut, wrote.IsActive));
        Assert.Equal((false, true), (resumed!.MarketingOptOut, resumed.IsActive));
        Assert.Equal(message.Timestamp * 1000, (await conversations.GetAsync(stop.ConversationId!, default))!.LastInboundAt?.ToUnixTimeMilliseconds());
    }

    [StoreFact]
    public async Task Pipeline_CallFromTheCustomer_OpensTheReplyWindow_ACallToThemDoesNot()
    {
        // Meta: a customer's message or call opens the customer service window. The calls of calls.json: a business call
        // connecting (to the customer), and the customer's own call, here as it connects.
        var calls = TestNormalizer.Events(Fixture.Load("whatsapp", "calls"));
        var (business, customer) = (calls[1], calls[4] with { Id = "evt_customer_call_connected", Event = EventName.CallConnected });
        var conversations = Store.Services.GetRequiredService<IConversationStore>();

        await ProcessAsync(business);
        await ProcessAsync(customer);

        Assert.Null((await conversations.GetAsync(business.ConversationId!, default))!.LastInboundAt);
        Assert.Equal(customer.Timestamp * 1000, (await conversations.GetAsync(customer.ConversationId!, default))!.LastInboundAt?.ToUnixTimeMilliseconds());
    }

    [StoreFact]
    public async Task Pipeline_CommentOfAPerson_OpensNoReplyWindow()
    {
        // Meta: only a message to the Page (or an opt-in) opens the 24-hour window; a comment on a post allows a private
        // reply, not a conversation. Published bodies: a person's comment on a Page post, and on an Instagram media.
        var comments = new[] { Fixture.Load("messenger", "feed"), Fixture.Load("instagram", "comments-published") }
            .SelectMany(TestNormalizer.Events)
            .Where(e => e.Event == EventName.CommentReceived && e.UserId is not null)
            .ToList();
        Assert.Contains(comments, c => c.Platform == Platform.Facebook);
        Assert.Contains(comments, c => c.Platform == Platform.Instagram);
        var conversations = Store.Services.GetRequiredService<IConversationStore>();

        foreach (var comment in comments)
        {
            await ProcessAsync(comment);
            Assert.Null((await conversations.GetAsync(comment.ConversationId!, default))?.LastInboundAt);
        }
    }

    private async Task ProcessAsync(NormalizedEvent evt)
    {
        await using var scope = Store.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EventPipeline>().ProcessAsync(evt, default);
        await scope.ServiceProvider.GetRequiredService<StoreSession>().CommitAsync(default);
    }

    private static async Task<bool?> AppendAsync(AsyncServiceScope scope) =>
        await scope.ServiceProvider.GetRequiredService<IEventSink>().AppendAsync(Event, [], default);
}
