using Dapper;
using Microsoft.Data.Sqlite;
using Normalizer.Host.Storage.Providers;

namespace Normalizer.Storage.Tests.Sqlite;

/// <summary>How the SQLite provider opens its two databases: durable WAL everywhere, rarer checkpoints for the events, none by the inbox's writers.</summary>
public sealed class SqliteConnectionFactoryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("normalizer-factory-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Open_EventsAndInbox_AreDurableWal_EventsCheckpointEvery10000Pages_InboxWritersNever()
    {
        var factory = new SqliteConnectionFactory($"Data Source={Path.Combine(_directory, "n.db")}");

        await using var events = await factory.OpenAsync(CancellationToken.None);
        await using var inbox = await factory.OpenInboxAsync(CancellationToken.None);

        Assert.True(factory.SeparateInbox);
        Assert.Equal(Path.Combine(_directory, "n-inbox.db"), factory.InboxDataSource);
        foreach (var connection in new[] { events, inbox })
        {
            Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
            Assert.Equal(2, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous")); // FULL
        }

        Assert.Equal(10000, await events.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint"));
        Assert.Equal(0, await inbox.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint")); // SqliteCheckpointer does
    }

    [Fact]
    public async Task PooledConnection_KeepsItsSettings_AndWhatAUserAlteredIsSetBackOnTheNextOpen()
    {
        var factory = new SqliteConnectionFactory($"Data Source={Path.Combine(_directory, "p.db")}");
        object handle;
        await using (var first = await factory.OpenAsync(CancellationToken.None))
        {
            handle = ((SqliteConnection)first).Handle!;
            Assert.Equal(30000, await first.ExecuteScalarAsync<long>("PRAGMA busy_timeout"));
            Assert.Equal(-65536, await first.ExecuteScalarAsync<long>("PRAGMA cache_size"));
            Assert.Equal(1, await first.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
            await factory.DeferSyncAsync(first, CancellationToken.None); // the processor's batch
            factory.Alter(first, "PRAGMA busy_timeout=0;", "PRAGMA busy_timeout=30000;"); // the checkpointer's
            Assert.Equal(1, await first.ExecuteScalarAsync<long>("PRAGMA synchronous")); // NORMAL
            Assert.Equal(0, await first.ExecuteScalarAsync<long>("PRAGMA busy_timeout"));
        }

        await using var again = await factory.OpenAsync(CancellationToken.None);

        Assert.Same(handle, ((SqliteConnection)again).Handle); // the pool's native connection, opened again
        Assert.Equal(2, await again.ExecuteScalarAsync<long>("PRAGMA synchronous")); // FULL again
        Assert.Equal(30000, await again.ExecuteScalarAsync<long>("PRAGMA busy_timeout"));
        Assert.Equal(10000, await again.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint"));
    }

    [Fact]
    public void WriteGates_AFileForTheInbox_HasAGateOfItsOwn_OneFileHasOne()
    {
        var files = new Normalizer.Storage.StoreWriteGates(new SqliteConnectionFactory($"Data Source={Path.Combine(_directory, "g.db")}"));
        var memory = new Normalizer.Storage.StoreWriteGates(new SqliteConnectionFactory("Data Source=:memory:"));

        Assert.NotSame(files.Inbox, files.Events);
        Assert.Same(memory.Inbox, memory.Events);
    }

    [Fact]
    public async Task BeginRead_SeesOneSnapshot_WhileAnotherConnectionCommits()
    {
        var factory = new SqliteConnectionFactory($"Data Source={Path.Combine(_directory, "r.db")}");
        await using var writer = await factory.OpenAsync(CancellationToken.None);
        await writer.ExecuteAsync("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);");
        await using var reader = await factory.OpenAsync(CancellationToken.None);

        await using var read = await factory.BeginReadAsync(reader, CancellationToken.None);
        var before = await reader.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM t", transaction: read);
        await writer.ExecuteAsync("INSERT INTO t VALUES (2)"); // not blocked: the read took no write lock
        var during = await reader.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM t", transaction: read);
        await read.CommitAsync();
        var after = await reader.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM t");

        Assert.Equal((1L, 1L, 2L), (before, during, after));
    }
}
