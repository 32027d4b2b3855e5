using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Normalizer.Health;
using Normalizer.Host.Storage.Providers;

namespace Normalizer.Storage.Tests.Sqlite;

/// <summary>
/// The inbox file's log is copied back by the checkpointer, not by the commits of its writers: without the checkpointer it
/// keeps every page written; with it, it stays at what a few intervals write.
/// </summary>
public sealed class SqliteCheckpointerTests : IDisposable
{
    private const int Transactions = 300;
    private const int BlobBytes = 100_000;

    private readonly string _directory = Directory.CreateTempSubdirectory("normalizer-checkpoint-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task InboxWrites_WithoutTheCheckpointer_TheLogKeepsEveryPage_WithItTheLogStaysSmall()
    {
        var alone = new SqliteConnectionFactory($"Data Source={Path.Combine(_directory, "alone.db")}");
        var withCheckpointer = new SqliteConnectionFactory($"Data Source={Path.Combine(_directory, "checked.db")}");
        var loops = new BackgroundLoops(TimeProvider.System);
        var gates = new StoreWriteGates(withCheckpointer);
        using var checkpointer = new SqliteCheckpointer(withCheckpointer, gates, loops, NullLogger<SqliteCheckpointer>.Instance);

        var uncheckedLog = await WriteAsync(alone, new StoreWriteGates(alone));
        await checkpointer.StartAsync(CancellationToken.None);
        var checkedLog = await WriteAsync(withCheckpointer, gates);
        await checkpointer.StopAsync(CancellationToken.None);

        // Every transaction's pages are still in the log: no commit checkpointed.
        Assert.True(uncheckedLog >= (long)Transactions * BlobBytes, $"log of {uncheckedLog} bytes without the checkpointer");
        // With it, the log started again from its beginning again and again (at RestartAfterFrames pages, 4 MB): far below
        // what was written (~30 MB).
        Assert.True(checkedLog < uncheckedLog / 3, $"log of {checkedLog} bytes with the checkpointer, {uncheckedLog} without");
        var state = Assert.Single(loops.Snapshot(TimeSpan.FromMinutes(1)), l => l.Name == SqliteCheckpointer.Loop);
        Assert.NotNull(state.LastSuccessAt);
        Assert.Equal(0, state.Failures);
    }

    [Fact]
    public async Task LongRead_WhileTheLogIsFull_WritersAtTheGateAreNotHeldUp()
    {
        var factory = new SqliteConnectionFactory($"Data Source={Path.Combine(_directory, "read.db")}");
        var gates = new StoreWriteGates(factory);
        var loops = new BackgroundLoops(TimeProvider.System);
        using var checkpointer = new SqliteCheckpointer(factory, gates, loops, NullLogger<SqliteCheckpointer>.Instance);
        await using var writer = await factory.OpenInboxAsync(CancellationToken.None);
        await writer.ExecuteAsync("CREATE TABLE blobs (id INTEGER PRIMARY KEY, body BLOB NOT NULL)");
        var body = new byte[BlobBytes];

        // A backup's read, say: a snapshot held open while the log passes the checkpointer's threshold.
        await using var reader = await factory.OpenInboxAsync(CancellationToken.None);
        await using var read = await factory.BeginReadAsync(reader, CancellationToken.None);
        await reader.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM blobs", transaction: read);
        await checkpointer.StartAsync(CancellationToken.None);
        var slowest = TimeSpan.Zero;
        var until = DateTime.UtcNow.AddSeconds(3);
        while (DateTime.UtcNow < until)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using (await gates.Inbox.EnterAsync(CancellationToken.None))
            {
                await writer.ExecuteAsync("INSERT INTO blobs (body) VALUES (@body)", new { body });
            }

            slowest = TimeSpan.FromTicks(Math.Max(slowest.Ticks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks));
            await Task.Delay(5);
        }

        await read.CommitAsync();
        await checkpointer.StopAsync(CancellationToken.None);

        // The log passed 1,000 frames while the read was open: a checkpoint that waited for readers would have held the gate
        // (and this writer) until the read ended, 3 s later.
        Assert.True(new FileInfo(factory.InboxDataSource + "-wal").Length > SqliteCheckpointer.RestartAfterFrames * 4096);
        Assert.True(slowest < TimeSpan.FromSeconds(1), $"a write waited {slowest.TotalMilliseconds:F0} ms at the gate");
        // A checkpoint that could not start the log again is no failure of the loop.
        Assert.Equal(0, Assert.Single(loops.Snapshot(TimeSpan.FromMinutes(1)), l => l.Name == SqliteCheckpointer.Loop).Failures);
    }

    // Writes Transactions rows of BlobBytes through an inbox connection, each at the inbox's write gate as the inbox's
    // writers do, a transaction every few milliseconds; returns the size of the inbox file's log.
    private async Task<long> WriteAsync(SqliteConnectionFactory factory, StoreWriteGates gates)
    {
        await using var connection = await factory.OpenInboxAsync(CancellationToken.None);
        await connection.ExecuteAsync("CREATE TABLE blobs (id INTEGER PRIMARY KEY, body BLOB NOT NULL)");
        var body = new byte[BlobBytes];
        Random.Shared.NextBytes(body);
        for (var i = 0; i < Transactions; i++)
        {
            using (await gates.Inbox.EnterAsync(CancellationToken.None))
            {
                await connection.ExecuteAsync("INSERT INTO blobs (body) VALUES (@body)", new { body });
            }

            await Task.Delay(5);
        }

        return new FileInfo(factory.InboxDataSource + "-wal").Length;
    }
}
