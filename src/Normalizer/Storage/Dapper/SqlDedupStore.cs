namespace Normalizer.Storage.Dapper;

/// <summary>
/// Dedup enforced by the store: the event id is the primary key of <c>dedup_keys</c>, so a claim is one
/// insert-if-absent in the session's transaction and holds across host instances. Run once per event, the
/// statement is prepared once per session (<see cref="StoreSession.CommandAsync"/>).
/// </summary>
internal sealed class SqlDedupStore(StoreSession session, TimeProvider time) : IDedupStore
{
    private static readonly string[] Parameters = ["@eventId", "@at"];

    private string? _sql;

    public async ValueTask<bool> TryClaimAsync(string eventId, CancellationToken cancellationToken)
    {
        _sql ??= session.Dialect.InsertIfAbsent("dedup_keys", "event_id, seen_at", "@eventId, @at", "event_id");
        var command = await session.CommandAsync(_sql, Parameters, cancellationToken).ConfigureAwait(false);
        command.Parameters[0].Value = eventId;
        command.Parameters[1].Value = time.GetUtcNow().ToUnixTimeMilliseconds();
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }
}
