namespace Normalizer.Storage;

/// <summary>The durable inbox of raw webhooks.</summary>
public interface IInbox
{
    /// <summary>Durably appends the webhook; returns only after it is committed. The id is its arrival order.</summary>
    Task<long> AppendAsync(InboxItem item, CancellationToken cancellationToken);

    /// <summary>
    /// The oldest unprocessed rows, in arrival order: at most <paramref name="limit"/>, and none after the row whose body
    /// brings the bodies read to <paramref name="maxBytes"/> (always at least one row when any waits).
    /// </summary>
    Task<IReadOnlyList<InboxRow>> ReadPendingAsync(int limit, long maxBytes, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="ReadPendingAsync(int, long, CancellationToken)"/> in the session's transaction: under the log lock
    /// (<see cref="StoreSession.LockLogAsync"/>) on a shared store, so that rows another host processed meanwhile are not
    /// taken again.
    /// </summary>
    Task<IReadOnlyList<InboxRow>> ReadPendingAsync(StoreSession session, int limit, long maxBytes, CancellationToken cancellationToken);

    /// <summary>
    /// Marks rows processed, in the session's transaction (the one that stores their events): always the first pending
    /// rows, in arrival order.
    /// </summary>
    Task MarkProcessedAsync(StoreSession session, IReadOnlyList<long> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the processor begins the pending rows from <paramref name="first"/> to <paramref name="last"/>
    /// (committed before it does): a row that keeps stopping the process is recognized after a restart by its
    /// <see cref="InboxRow.Attempts"/>.
    /// </summary>
    Task CountAttemptAsync(long first, long last, CancellationToken cancellationToken);

    /// <summary>The id up to which every row is processed (0 when none is).</summary>
    Task<long> ProcessedThroughAsync(CancellationToken cancellationToken);

    /// <summary>How many rows wait, and the arrival time (Unix ms) of the oldest.</summary>
    Task<(long Count, long? OldestReceivedAt)> LagAsync(CancellationToken cancellationToken);
}
