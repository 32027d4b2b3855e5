using Microsoft.Extensions.DependencyInjection;
using Normalizer.Events;
using Normalizer.Testing;

namespace Normalizer.Storage.Tests.Contracts;

/// <summary>
/// The log position readers page by (<c>GET /v1/events?after=</c>, SSE, delivery) with several writers: a reader never
/// passes a position that a writer commits later. On a database server, where several hosts write at once, a writer takes
/// the log lock before its first position (<see cref="IStoreConnectionFactory.LockLogAsync"/>).
/// </summary>
public abstract class LogOrderContract<TDatabase> : StoreContract<TDatabase>
    where TDatabase : ITestDatabase
{
    private static readonly NormalizedEvent Template = TestNormalizer.Events(Fixture.Sample("messenger-text-batch.json"))[0];

    [StoreFact]
    public async Task SecondWriter_WhileTheFirstHoldsAnUncommittedPosition_CommitsAfterIt_SoAPagingReaderMissesNeither()
    {
        var reader = new Reader(Store.Services.GetRequiredService<IEventStore>());
        await using var first = Store.Services.CreateAsyncScope();
        await AppendAsync(first, "evt_first");

        // The second writer runs while the first one's position is taken but not committed.
        var second = Task.Run(async () =>
        {
            await using var scope = Store.Services.CreateAsyncScope();
            await AppendAsync(scope, "evt_second");
            await scope.ServiceProvider.GetRequiredService<StoreSession>().CommitAsync(default);
        });
        await Task.WhenAny(second, Task.Delay(TimeSpan.FromMilliseconds(500)));
        await reader.PageAsync();
        await first.ServiceProvider.GetRequiredService<StoreSession>().CommitAsync(default);
        await second;
        await reader.PageAsync();

        Assert.Equal(["evt_first", "evt_second"], reader.Ids);
        Assert.Equal(await LogAsync(), reader.Seqs);
    }

    [StoreFact]
    public async Task TwoWritersInterleaving_AReaderPagingAllTheWhile_SeesEveryEventOnceInLogOrder()
    {
        const int PerWriter = 300;
        var reader = new Reader(Store.Services.GetRequiredService<IEventStore>());
        using var done = new CancellationTokenSource();
        var paging = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                await reader.PageAsync();
            }
        });

        await Task.WhenAll(WriteAsync("a", PerWriter, seed: 1), WriteAsync("b", PerWriter, seed: 2));
        await done.CancelAsync();
        await paging;
        await reader.PageAsync();

        Assert.Equal(2 * PerWriter, reader.Ids.Count);
        Assert.Equal(reader.Ids.Count, reader.Ids.Distinct().Count());
        Assert.Equal(await LogAsync(), reader.Seqs);
    }

    // Transactions of 1 to 5 events, with a pause inside some of them, so that the two writers' transactions overlap.
    private async Task WriteAsync(string writer, int count, int seed)
    {
        var random = new Random(seed);
        var written = 0;
        while (written < count)
        {
            await using var scope = Store.Services.CreateAsyncScope();
            var size = Math.Min(random.Next(1, 6), count - written);
            for (var i = 0; i < size; i++)
            {
                await AppendAsync(scope, $"evt_{writer}_{written++}");
                if (random.Next(4) == 0)
                {
                    await Task.Delay(random.Next(1, 4));
                }
            }

            await scope.ServiceProvider.GetRequiredService<StoreSession>().CommitAsync(default);
        }
    }

    // Each event its own conversation: the writers share no row, so nothing but the log's order may make one wait.
    private static async Task AppendAsync(AsyncServiceScope scope, string id) =>
        await scope.ServiceProvider.GetRequiredService<IEventSink>().AppendAsync(Template with { Id = id, ConversationId = "conv_" + id }, [], default);

    private async Task<List<long>> LogAsync()
    {
        var all = await Store.Services.GetRequiredService<IEventStore>().ListAsync(new EventQuery { Limit = EventQuery.MaxLimit }, default);
        return [.. all.Select(e => e.Seq)];
    }

    // Pages the log from its cursor, as a client of GET /v1/events?after= does.
    private sealed class Reader(IEventStore store)
    {
        private long _cursor;

        public List<string> Ids { get; } = [];

        public List<long> Seqs { get; } = [];

        public async Task PageAsync()
        {
            foreach (var stored in await store.ListAsync(new EventQuery { After = _cursor, Limit = EventQuery.MaxLimit }, default))
            {
                _cursor = stored.Seq;
                Ids.Add(stored.Event.Id);
                Seqs.Add(stored.Seq);
            }
        }
    }
}
