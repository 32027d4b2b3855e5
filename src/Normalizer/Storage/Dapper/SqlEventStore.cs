using System.Text;
using System.Text.Json;
using Dapper;
using Normalizer.Events;
using Normalizer.Json;

namespace Normalizer.Storage.Dapper;

internal sealed partial class SqlEventStore(IStoreConnectionFactory connections) : IEventStore
{
    public async Task<IReadOnlyList<StoredEvent>> ListAsync(EventQuery query, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("SELECT seq AS Seq, body AS Body FROM events WHERE seq > @After");
        if (query.Platform is not null)
        {
            sql.Append(" AND platform = @Platform");
        }

        if (query.PageId is not null)
        {
            sql.Append(" AND page_id = @PageId");
        }

        if (query.Event is not null)
        {
            sql.Append(" AND event = @Event");
        }

        sql.Append(" ORDER BY seq");
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            connections.Dialect.Limit(sql.ToString(), "@Limit"),
            new { query.After, Platform = query.Platform?.ToWire(), query.PageId, query.Event, Limit = Math.Clamp(query.Limit, 1, EventQuery.MaxLimit) },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(ToStored).ToList();
    }

    public async Task<long> HeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT MAX(seq) FROM events", cancellationToken: cancellationToken))
            .ConfigureAwait(false) ?? 0;
    }

    public async Task<StoredEvent?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT seq AS Seq, body AS Body FROM events WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : ToStored(row);
    }

    private static StoredEvent ToStored(Row row) =>
        new(row.Seq, JsonSerializer.Deserialize(row.Body, NormalizerJsonContext.Default.NormalizedEvent)!);

    private sealed record Row(long Seq, string Body);
}
