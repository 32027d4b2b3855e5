using Microsoft.Data.SqlClient;
using Normalizer.Events;
using Normalizer.Host.Storage.Providers;
using Normalizer.Ids;
using Normalizer.Ingest;
using Normalizer.Storage.Dapper;
using Normalizer.Testing.Databases;

namespace Normalizer.Storage.Tests.SqlServer;

/// <summary>The provider on a real server (<see cref="TestSqlServer"/>): skipped where none is configured.</summary>
public sealed class SqlServerProviderTests
{
    private static readonly DateTimeOffset Received = new(2025, 11, 21, 8, 0, 0, TimeSpan.Zero);

    [SqlServerFact]
    public async Task FreshDatabase_Migrates_AndAnEventRoundTripsThroughTheStore()
    {
        var name = TestPostgres.NameFor("sqlserver-provider-" + Guid.NewGuid().ToString("N"));
        var store = new SqlServerConnectionFactory(TestSqlServer.Create(name));
        try
        {
            var runner = new MigrationRunner(store, TimeProvider.System);
            Assert.Equal(MigrationRunner.For("sqlserver").Select(m => m.Version), await runner.ApplyAsync(CancellationToken.None));
            Assert.Empty(await runner.ApplyAsync(CancellationToken.None));

            var evt = Event();
            await using (var session = new StoreSession(store))
            {
                Assert.True(await new SqlDedupStore(session).TryClaimAsync(evt.Id, CancellationToken.None));
                var mark = await session.SaveAsync("row", CancellationToken.None);
                await new SqlEventSink(session, TimeProvider.System).AppendAsync(evt, [Identity()], CancellationToken.None);
                await session.ReleaseAsync("row", CancellationToken.None);
                Assert.Equal(0, mark);
                await session.CommitAsync(CancellationToken.None);
            }

            var events = new SqlEventStore(store);
            var stored = await events.GetAsync(evt.Id, CancellationToken.None);
            Assert.NotNull(stored);
            Assert.Equal(evt.Id, stored.Event.Id);
            Assert.Equal(evt.PageId, stored.Event.PageId);
            Assert.Equal(stored.Seq, await events.HeadAsync(CancellationToken.None));
            Assert.Single(await events.ListAsync(new EventQuery { Platform = Platform.WhatsApp, PageId = evt.PageId }, CancellationToken.None));
            Assert.Null(await events.GetAsync(evt.Id.ToUpperInvariant(), CancellationToken.None));

            var conversation = await new SqlConversationStore(store).GetAsync(evt.ConversationId!, CancellationToken.None);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(evt.Timestamp), conversation?.LastInboundAt);

            await using (var again = new StoreSession(store))
            {
                Assert.False(await new SqlDedupStore(again).TryClaimAsync(evt.Id, CancellationToken.None));
                var duplicate = await Assert.ThrowsAsync<SqlException>(() =>
                    new SqlEventSink(again, TimeProvider.System).AppendAsync(evt, [], CancellationToken.None).AsTask());
                Assert.True(store.IsUniqueViolation(duplicate));
            }
        }
        finally
        {
            TestSqlServer.Drop(name);
        }
    }

    private static ScopedId Identity() => new(new TaggedId(IdType.WaId, "34600000000"), new TaggedId(IdType.PhoneNumberId, "1055"));

    private static NormalizedEvent Event() => new()
    {
        Id = "evt_sqlserver_1", Platform = Platform.WhatsApp, Event = EventName.MessageReceived, Timestamp = 1_763_712_000, ReceivedAt = Received,
        PageId = "1055", PageIdType = IdType.PhoneNumberId, UserId = "34600000000", UserIdType = IdType.WaId, ConversationId = "conv_sqlserver_1",
        SignatureVerified = true, Standby = false, Raw = new RawJson("{}"u8.ToArray()),
    };
}
