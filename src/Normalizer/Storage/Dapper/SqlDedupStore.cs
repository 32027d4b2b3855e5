namespace Normalizer.Storage.Dapper;

/// <summary>
/// Dedup enforced by the store: an event id is claimed when no stored event has it. The claim reads the unique
/// index on <c>events.id</c> inside the session's write transaction, which the event's insert follows in the same
/// transaction (<see cref="SqlEventSink"/>), so a second claim of the id — later in the batch or by another host —
/// sees it; the unique index still refuses a second row if two writers ever raced. Reading the index the insert is
/// about to use costs less than writing a key table of its own. Run once per event, the statement is prepared once
/// per session (<see cref="StoreSession.CommandAsync"/>).
/// </summary>
internal sealed class SqlDedupStore(StoreSession session) : IDedupStore
{
    private static readonly string[] Parameters = ["@eventId"];

    private const string Sql = "SELECT 1 FROM events WHERE id = @eventId";

    public async ValueTask<bool> TryClaimAsync(string eventId, CancellationToken cancellationToken)
    {
        // An id repeated within one batch is answered from memory: no round trip to a database server per repeat.
        if (session.HasStored(eventId))
        {
            return false;
        }

        var command = await session.CommandAsync(Sql, Parameters, cancellationToken).ConfigureAwait(false);
        command.Set(0, eventId);
        return await command.ExecuteInt64Async(cancellationToken).ConfigureAwait(false) is null;
    }
}
