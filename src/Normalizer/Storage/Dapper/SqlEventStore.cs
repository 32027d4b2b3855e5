using System.Text;
using System.Text.Json;
using Dapper;
using Normalizer.Events;
using Normalizer.Json;

namespace Normalizer.Storage.Dapper;

internal sealed partial class SqlEventStore(IStoreConnectionFactory connections) : IEventStore
{
    private const string Select = "SELECT e.seq AS Seq, e.body AS Body, " + EventIdentity.Columns + " FROM events e" + EventIdentity.Join;

    public async Task<IReadOnlyList<StoredEvent>> ListAsync(EventQuery query, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder(Select).Append(" WHERE e.seq > @After");
        if (query.Platform is not null)
        {
            sql.Append(" AND e.platform = @Platform");
        }

        if (query.PageId is not null)
        {
            sql.Append(" AND e.page_id = @PageId");
        }

        if (query.Event is not null)
        {
            sql.Append(" AND e.event = @Event");
        }

        sql.Append(" ORDER BY e.seq");
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
            Select + " WHERE e.id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : ToStored(row);
    }

    private static StoredEvent ToStored(Row row) =>
        new(row.Seq, JsonSerializer.Deserialize(row.Body, NormalizerJsonContext.Default.NormalizedEvent)! with
        {
            ContactId = row.ContactId, PersonId = row.PersonId,
        });

    private sealed record Row(long Seq, string Body, string? ContactId, string? PersonId);
}
