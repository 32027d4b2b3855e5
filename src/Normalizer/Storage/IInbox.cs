namespace Normalizer.Storage;

/// <summary>The durable inbox of raw webhooks.</summary>
public interface IInbox
{
    /// <summary>Durably appends the webhook; returns only after it is committed. The id is its arrival order.</summary>
    Task<long> AppendAsync(InboxItem item, CancellationToken cancellationToken);

    /// <summary>The oldest unprocessed rows, in arrival order.</summary>
    Task<IReadOnlyList<InboxRow>> ReadPendingAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Marks rows processed: inside the session's transaction, or — when the inbox is a store of its own — in a
    /// transaction of its own, to be called after the session committed.
    /// </summary>
    Task MarkProcessedAsync(StoreSession session, IReadOnlyList<long> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the processor begins <paramref name="id"/> (committed before it does) and returns how many times it
    /// has: a row that keeps stopping the process is recognized after a restart.
    /// </summary>
    Task<int> CountAttemptAsync(long id, CancellationToken cancellationToken);

    /// <summary>How many rows wait, and the arrival time (Unix ms) of the oldest.</summary>
    Task<(long Count, long? OldestReceivedAt)> LagAsync(CancellationToken cancellationToken);
}
