namespace Normalizer.Storage.Dapper;

/// <summary>
/// Dedup with the store: the store's unique key on <c>events.id</c> decides, when the event is inserted
/// (<see cref="SqlEventSink"/>: insert-first, no read before it, so two hosts racing on one id store it once). What this
/// claim answers itself is an id repeated within the session's own batch, from memory.
/// </summary>
internal sealed class SqlDedupStore(StoreSession session) : IDedupStore
{
    public ValueTask<bool> TryClaimAsync(string eventId, CancellationToken cancellationToken) => ValueTask.FromResult(!session.HasStored(eventId));
}
