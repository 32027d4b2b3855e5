using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Events;

namespace Normalizer.Storage.Tests.Contracts;

/// <summary>
/// What the inbox writer stores of a webhook, column by column, and the order of its ids; and what the processor has done of
/// the inbox: the rows it marks go with the transaction that stores their events, the rows still to do are read in arrival
/// order, and a store whose rows were marked one by one (earlier versions on SQLite) resumes after the last row marked in order.
/// </summary>
public abstract class InboxContract<TDatabase> : StoreContract<TDatabase>
    where TDatabase : ITestDatabase
{
    private static readonly DateTimeOffset Received = new(2025, 11, 21, 8, 0, 0, 123, TimeSpan.Zero);

    private IInbox Inbox => Store.Services.GetRequiredService<IInbox>();

    [StoreFact]
    public async Task AppendAsync_Webhook_StoresEveryColumnAsGiven()
    {
        // Arrange: a body that is not text (a zero byte, bytes that are not UTF-8) is kept byte for byte.
        byte[] body = [0x7B, 0x00, 0xFF, 0xFE, 0x7D];
        const string headers = """{"user-agent":"facebookexternalua","x-hub-signature-256":"sha256=ab"}""";

        // Act
        var id = await Inbox.AppendAsync(new InboxItem(Received, Platform.Instagram, false, headers, body), CancellationToken.None);
        var unpinned = await Inbox.AppendAsync(new InboxItem(Received, null, true, null, "{}"u8.ToArray()), CancellationToken.None);

        // Assert
        var rows = await ReadRowsAsync();
        Assert.Equal([id, unpinned], rows.Select(r => r.Id));
        Assert.Equal((Received.ToUnixTimeMilliseconds(), "instagram", 0L, headers), (rows[0].ReceivedAt, rows[0].Channel, rows[0].Verified, rows[0].Headers));
        Assert.Equal(body, rows[0].Body);
        Assert.Equal((null, 1L, null), (rows[1].Channel, rows[1].Verified, rows[1].Headers));
        Assert.Equal("{}"u8.ToArray(), rows[1].Body);
    }

    [StoreFact]
    public async Task AppendAsync_ManyAtOnce_GivesEachItsOwnIdInTheOrderTheyWereStored()
    {
        // Act
        var ids = await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
            Inbox.AppendAsync(new InboxItem(Received, Platform.Facebook, true, null, System.Text.Encoding.UTF8.GetBytes($"{{\"n\":{i}}}")), CancellationToken.None)));

        // Assert: every append got the id of its own row.
        var rows = (await ReadRowsAsync()).ToDictionary(r => r.Id);
        Assert.Equal(300, ids.Distinct().Count());
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal($"{{\"n\":{i}}}", System.Text.Encoding.UTF8.GetString(rows[ids[i]].Body));
        }
    }

    [StoreFact]
    public async Task RowsMarkedOneByOne_ResumeAfterTheLastMarkedInOrder_AndAMarkCountsOnlyOnceCommitted()
    {
        for (var i = 0; i < 5; i++)
        {
            await Inbox.AppendAsync(new InboxItem(DateTimeOffset.UtcNow, null, true, "{}", "{}"u8.ToArray()), default);
        }

        await using (var connection = await Store.Connections.OpenInboxAsync(default))
        {
            await connection.ExecuteAsync("UPDATE inbox SET processed_at = 1 WHERE id <= 3");
        }

        Assert.Equal(3, await Inbox.ProcessedThroughAsync(default));
        Assert.Equal([4L, 5L], (await Inbox.ReadPendingAsync(10, long.MaxValue, default)).Select(r => r.Id));
        Assert.Equal(2, (await Inbox.LagAsync(default)).Count);

        await using (var scope = Store.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<StoreSession>();
            await Inbox.MarkProcessedAsync(session, [4], default);
            await session.CommitAsync(default);
        }

        await using (var scope = Store.Services.CreateAsyncScope())
        {
            // Marked, never committed (the batch failed): the row is still to do.
            await Inbox.MarkProcessedAsync(scope.ServiceProvider.GetRequiredService<StoreSession>(), [5], default);
        }

        Assert.Equal(4, await Inbox.ProcessedThroughAsync(default));
        Assert.Equal([5L], (await Inbox.ReadPendingAsync(10, long.MaxValue, default)).Select(r => r.Id));
        Assert.Equal(1, (await Inbox.LagAsync(default)).Count);
    }

    [StoreFact]
    public async Task ReadPending_StopsAtTheRowWhoseBodyReachesTheByteBudget_AndTakesOneRowOverItAlone()
    {
        foreach (var size in new[] { 100, 300, 50, 2000, 10 })
        {
            await Inbox.AppendAsync(new InboxItem(DateTimeOffset.UtcNow, null, true, null, new byte[size]), default);
        }

        var three = await Inbox.ReadPendingAsync(10, 420, default); // 100 + 300 = 400 < 420: the third reaches it
        var exact = await Inbox.ReadPendingAsync(10, 400, default); // the second reaches it exactly
        var limited = await Inbox.ReadPendingAsync(1, long.MaxValue, default);
        await using (var scope = Store.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<StoreSession>();
            await Inbox.MarkProcessedAsync(session, [1, 2, 3], default);
            await session.CommitAsync(default);
        }

        var big = await Inbox.ReadPendingAsync(10, 1000, default); // the 2000-byte row alone is over: it is still read, alone
        await using var read = Store.Services.CreateAsyncScope();
        var inSession = await Inbox.ReadPendingAsync(read.ServiceProvider.GetRequiredService<StoreSession>(), 10, 2010, default);

        Assert.Equal([100, 300, 50], three.Select(r => r.Body.Length));
        Assert.Equal([100, 300], exact.Select(r => r.Body.Length));
        Assert.Equal([100], limited.Select(r => r.Body.Length));
        Assert.Equal([2000], big.Select(r => r.Body.Length));
        Assert.Equal([2000, 10], inSession.Select(r => r.Body.Length));
    }

    private async Task<List<(long Id, long ReceivedAt, string? Channel, long Verified, string? Headers, byte[] Body)>> ReadRowsAsync()
    {
        await using var connection = await Store.Services.GetRequiredService<IStoreConnectionFactory>().OpenInboxAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, received_at, channel, signature_verified, headers, body FROM inbox ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(long, long, string?, long, string?, byte[])>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), (byte[])reader.GetValue(5)));
        }

        return rows;
    }
}
