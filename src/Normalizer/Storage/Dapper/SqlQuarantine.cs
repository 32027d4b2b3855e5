using System.Text;
using Dapper;

namespace Normalizer.Storage.Dapper;

internal sealed class SqlQuarantine(IStoreConnectionFactory connections, TimeProvider time) : IQuarantine
{
    public async Task AddAsync(StoreSession session, long? inboxId, string? eventId, string reason, ReadOnlyMemory<byte> body,
        long receivedAt, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await session.BeginAsync(cancellationToken).ConfigureAwait(false);
        // One record per inbox row: a row processed again (its marks were lost with a crash) is not quarantined twice.
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO quarantine (inbox_id, event_id, reason, body, received_at, created_at) " +
            "SELECT @inboxId, @eventId, @reason, @body, @receivedAt, @now " +
            "WHERE @inboxId IS NULL OR NOT EXISTS (SELECT 1 FROM quarantine WHERE inbox_id = @inboxId)",
            new { inboxId, eventId, reason, body = body.ToArray(), receivedAt, now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private const string Select =
        "SELECT id AS Id, inbox_id AS InboxId, event_id AS EventId, reason AS Reason, body AS Body, received_at AS ReceivedAt, created_at AS CreatedAt FROM quarantine ";

    public async Task<IReadOnlyList<QuarantineEntry>> ListAsync(long after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(connections.Dialect.Limit(
            Select + "WHERE id > @after ORDER BY id", "@limit"), new { after, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(ToEntry).ToList();
    }

    public async Task<QuarantineEntry?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            Select + "WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : ToEntry(row);
    }

    public async Task<bool> RemoveAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM quarantine WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    private static QuarantineEntry ToEntry(Row r) => new()
    {
        Id = r.Id, InboxId = r.InboxId, EventId = r.EventId, Reason = r.Reason, Body = Encoding.UTF8.GetString(r.Body),
        ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.ReceivedAt), CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt),
    };

    private sealed record Row(long Id, long? InboxId, string? EventId, string Reason, byte[] Body, long ReceivedAt, long CreatedAt);
}
