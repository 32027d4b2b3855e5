namespace Normalizer.Storage;

/// <summary>Reads of the event log.</summary>
public interface IEventStore
{
    /// <summary>Events after the query's cursor, in log order.</summary>
    Task<IReadOnlyList<StoredEvent>> ListAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>The log's last position (0 when empty).</summary>
    Task<long> HeadAsync(CancellationToken cancellationToken);

    /// <summary>One event by id.</summary>
    Task<StoredEvent?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Events received from <paramref name="since"/> (Unix ms) on, counted per channel, Page and bucket of
    /// <paramref name="bucketMs"/> milliseconds.
    /// </summary>
    Task<IReadOnlyList<EventCount>> CountSinceAsync(long since, long bucketMs, CancellationToken cancellationToken);
}
