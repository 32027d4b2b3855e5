using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Storage;

namespace Normalizer.Host.Tests.Storage;

/// <summary>
/// What the processor has done of the inbox: the rows it marks go with the transaction that stores their events, the rows
/// still to do are read in arrival order, and a store whose rows were marked one by one (earlier versions on SQLite)
/// resumes after the last row marked in order.
/// </summary>
public sealed class InboxProgressTests : IAsyncLifetime
{
    private TempStore _store = null!;

    public async Task InitializeAsync() => _store = await TempStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private IInbox Inbox => _store.Services.GetRequiredService<IInbox>();

    [Fact]
    public async Task RowsMarkedOneByOne_ResumeAfterTheLastMarkedInOrder_AndAMarkCountsOnlyOnceCommitted()
    {
        for (var i = 0; i < 5; i++)
        {
            await Inbox.AppendAsync(new InboxItem(DateTimeOffset.UtcNow, null, true, "{}", "{}"u8.ToArray()), default);
        }

        await using (var connection = await _store.Connections.OpenInboxAsync(default))
        {
            await connection.ExecuteAsync("UPDATE inbox SET processed_at = 1 WHERE id <= 3");
        }

        Assert.Equal(3, await Inbox.ProcessedThroughAsync(default));
        Assert.Equal([4L, 5L], (await Inbox.ReadPendingAsync(10, default)).Select(r => r.Id));
        Assert.Equal(2, (await Inbox.LagAsync(default)).Count);

        await using (var scope = _store.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<StoreSession>();
            await Inbox.MarkProcessedAsync(session, [4], default);
            await session.CommitAsync(default);
        }

        await using (var scope = _store.Services.CreateAsyncScope())
        {
            // Marked, never committed (the batch failed): the row is still to do.
            await Inbox.MarkProcessedAsync(scope.ServiceProvider.GetRequiredService<StoreSession>(), [5], default);
        }

        Assert.Equal(4, await Inbox.ProcessedThroughAsync(default));
        Assert.Equal([5L], (await Inbox.ReadPendingAsync(10, default)).Select(r => r.Id));
        Assert.Equal(1, (await Inbox.LagAsync(default)).Count);
    }
}
