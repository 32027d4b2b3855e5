using System.Net;
using Dapper;
using Microsoft.Data.Sqlite;
using Normalizer.Host.Storage.Providers;
using Normalizer.Testing;

namespace Normalizer.Host.Tests.Storage;

/// <summary>
/// The SQLite provider keeps webhooks and events in one durable WAL file, and moves the inbox file of an earlier version
/// into it at start without losing a pending webhook.
/// </summary>
public sealed class SqliteConnectionFactoryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("normalizer-factory-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Open_OneDurableWalFile()
    {
        var factory = new SqliteConnectionFactory($"Data Source={Path.Combine(_directory, "n.db")}");

        await using var connection = await factory.OpenAsync(CancellationToken.None);

        Assert.Equal(Path.Combine(_directory, "n.db"), factory.DataSource);
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous")); // FULL
        Assert.Equal(Path.Combine(_directory, "n-inbox.db"), factory.LegacyInboxDataSource);
    }

    [Fact]
    public async Task Start_WithAnInboxFileOfAnEarlierVersion_MovesItsRowsIn_ProcessesThePendingOne_RenamesTheFile()
    {
        // The inbox file as earlier versions wrote it: one row processed (its events are in the database), one pending.
        var legacy = Path.Combine(_directory, "normalizer-inbox.db");
        await using (var old = new SqliteConnection($"Data Source={legacy}"))
        {
            await old.OpenAsync();
            await old.ExecuteAsync("""
                PRAGMA journal_mode=WAL;
                CREATE TABLE inbox (id INTEGER PRIMARY KEY AUTOINCREMENT, received_at INTEGER NOT NULL, channel TEXT NULL,
                    signature_verified INTEGER NOT NULL, headers TEXT NULL, body BLOB NOT NULL, processed_at INTEGER NULL,
                    attempts INTEGER NOT NULL DEFAULT 0);
                """);
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await old.ExecuteAsync("INSERT INTO inbox (id, received_at, channel, signature_verified, body, processed_at) VALUES (7, @now, NULL, 1, @body, @now)",
                new { now, body = Fixture.Sample("messenger-text-batch.json") });
            await old.ExecuteAsync("INSERT INTO inbox (id, received_at, channel, signature_verified, body) VALUES (8, @now, NULL, 1, @body)",
                new { now, body = Fixture.Sample("instagram-text.json") });
        }

        SqliteConnection.ClearAllPools();
        await using var app = new NormalizerApplication(_directory);
        var events = await app.WaitForEventsAsync(1);
        await app.WaitForDrainAsync();
        var accepted = await app.PostWebhookAsync(Fixture.Sample("whatsapp-text-and-status.json"));

        Assert.Equal("instagram", Assert.Single(events).GetProperty("platform").GetString());
        Assert.False(File.Exists(legacy));
        Assert.True(File.Exists(legacy + ".imported"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await using var store = new SqliteConnection($"Data Source={Path.Combine(_directory, "normalizer.db")}");
        var rows = (await store.QueryAsync<(long Id, long? ProcessedAt)>("SELECT id, processed_at FROM inbox ORDER BY id")).ToList();
        Assert.Equal([7L, 8L, 9L], rows.Select(r => r.Id)); // ids kept; the next webhook continues after them
        Assert.All(rows, r => Assert.NotNull(r.ProcessedAt));
    }
}
