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
}
