using Microsoft.Extensions.DependencyInjection;
using Normalizer.Events;
using Normalizer.Storage;

namespace Normalizer.Host.Tests.Storage;

/// <summary>What the inbox writer stores of a webhook, column by column, and the order of its ids.</summary>
public sealed class SqlInboxTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Received = new(2025, 11, 21, 8, 0, 0, 123, TimeSpan.Zero);

    private TempStore _store = null!;
    private IInbox _inbox = null!;

    public async Task InitializeAsync()
    {
        _store = await TempStore.CreateAsync();
        _inbox = _store.Services.GetRequiredService<IInbox>();
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task AppendAsync_Webhook_StoresEveryColumnAsGiven()
    {
        // Arrange: a body that is not text (a zero byte, bytes that are not UTF-8) is kept byte for byte.
        byte[] body = [0x7B, 0x00, 0xFF, 0xFE, 0x7D];
        const string headers = """{"user-agent":"facebookexternalua","x-hub-signature-256":"sha256=ab"}""";

        // Act
        var id = await _inbox.AppendAsync(new InboxItem(Received, Platform.Instagram, false, headers, body), CancellationToken.None);
        var unpinned = await _inbox.AppendAsync(new InboxItem(Received, null, true, null, "{}"u8.ToArray()), CancellationToken.None);

        // Assert
        var rows = await ReadRowsAsync();
        Assert.Equal([id, unpinned], rows.Select(r => r.Id));
        Assert.Equal((Received.ToUnixTimeMilliseconds(), "instagram", 0L, headers), (rows[0].ReceivedAt, rows[0].Channel, rows[0].Verified, rows[0].Headers));
        Assert.Equal(body, rows[0].Body);
        Assert.Equal((null, 1L, null), (rows[1].Channel, rows[1].Verified, rows[1].Headers));
        Assert.Equal("{}"u8.ToArray(), rows[1].Body);
    }

    [Fact]
    public async Task AppendAsync_ManyAtOnce_GivesEachItsOwnIdInTheOrderTheyWereStored()
    {
        // Act
        var ids = await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
            _inbox.AppendAsync(new InboxItem(Received, Platform.Facebook, true, null, System.Text.Encoding.UTF8.GetBytes($"{{\"n\":{i}}}")), CancellationToken.None)));

        // Assert: every append got the id of its own row.
        var rows = (await ReadRowsAsync()).ToDictionary(r => r.Id);
        Assert.Equal(300, ids.Distinct().Count());
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal($"{{\"n\":{i}}}", System.Text.Encoding.UTF8.GetString(rows[ids[i]].Body));
        }
    }

    private async Task<List<(long Id, long ReceivedAt, string? Channel, long Verified, string? Headers, byte[] Body)>> ReadRowsAsync()
    {
        await using var connection = await _store.Services.GetRequiredService<IStoreConnectionFactory>().OpenInboxAsync(CancellationToken.None);
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
