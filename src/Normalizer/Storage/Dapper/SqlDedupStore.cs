using Dapper;

namespace Normalizer.Storage.Dapper;

/// <summary>
/// Dedup enforced by the store: the event id is the primary key of <c>dedup_keys</c>, so a claim is one
/// insert-if-absent in the session's transaction and holds across host instances.
/// </summary>
internal sealed class SqlDedupStore(StoreSession session, TimeProvider time) : IDedupStore
{
    public async ValueTask<bool> TryClaimAsync(string eventId, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await session.BeginAsync(cancellationToken).ConfigureAwait(false);
        var sql = session.Dialect.InsertIfAbsent("dedup_keys", "event_id, seen_at", "@eventId, @at", "event_id");
        var rows = await connection.ExecuteAsync(new CommandDefinition(sql,
            new { eventId, at = time.GetUtcNow().ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows == 1;
    }
}
