using Dapper;
using Microsoft.Data.Sqlite;
using Normalizer.Host.Storage.Providers;

namespace Normalizer.Host.Tests.Storage;

/// <summary>How the SQLite provider opens its two databases: durable WAL everywhere, rarer checkpoints for the events.</summary>
public sealed class SqliteConnectionFactoryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("normalizer-factory-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Open_EventsAndInbox_AreDurableWal_EventsCheckpointEvery10000Pages()
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
        Assert.Equal(1000, await inbox.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint"));
    }

    [Fact]
    public void WriteGates_AFileForTheInbox_HasAGateOfItsOwn_OneFileHasOne()
    {
        var files = new Normalizer.Storage.StoreWriteGates(new SqliteConnectionFactory($"Data Source={Path.Combine(_directory, "g.db")}"));
        var memory = new Normalizer.Storage.StoreWriteGates(new SqliteConnectionFactory("Data Source=:memory:"));

        Assert.NotSame(files.Inbox, files.Events);
        Assert.Same(memory.Inbox, memory.Events);
    }
}
