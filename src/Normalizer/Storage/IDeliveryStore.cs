using Normalizer.Delivery;

namespace Normalizer.Storage;

/// <summary>
/// Delivery as cursors over the event log (README: delivery): per subscription and partition a cursor per stream
/// (<c>delivery_cursors</c>, the live row leased by one host), parked conversations (<c>delivery_retries</c>) and
/// every attempt (<c>delivery_attempts</c>), written in batches.
/// </summary>
public interface IDeliveryStore
{
    /// <summary>Creates the live cursors of a new subscription at the head of the log (only later events are delivered).</summary>
    Task CreateCursorsAsync(string subscriptionId, int partitions, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the live partitions of the subscription that are free, expired or already <paramref name="owner"/>'s,
    /// leasing them until <paramref name="until"/>; returns every cursor (all streams) of the partitions now held.
    /// </summary>
    Task<IReadOnlyList<DeliveryCursor>> ClaimAsync(string subscriptionId, string owner, DateTimeOffset now, DateTimeOffset until,
        CancellationToken cancellationToken);

    /// <summary>Gives up the owner's leases of the subscription, so another host takes them without waiting.</summary>
    Task ReleaseAsync(string subscriptionId, string owner, CancellationToken cancellationToken);

    /// <summary>How many partitions the subscription has (0 when it has no cursors).</summary>
    Task<int> PartitionCountAsync(string subscriptionId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> events after <paramref name="after"/> (to <paramref name="to"/>) that pass the subscription's filter, in log order.</summary>
    Task<IReadOnlyList<LogEvent>> ReadAsync(Subscription subscription, long after, long? to, int limit, CancellationToken cancellationToken);

    /// <summary>The subscription's parked events, in log order per stream, with their bodies.</summary>
    Task<IReadOnlyList<ParkedEvent>> ReadParkedAsync(string subscriptionId, CancellationToken cancellationToken);

    /// <summary>Writes a batch in one transaction; cursors and new retry rows only where the owner still holds the lease.</summary>
    Task CommitAsync(DeliveryBatch batch, CancellationToken cancellationToken);

    /// <summary>Adds a stream over [<paramref name="from"/>, <paramref name="to"/>] (up to the head); returns how many events it holds for the subscription.</summary>
    Task<int> ReplayAsync(Subscription subscription, long from, long to, CancellationToken cancellationToken);

    /// <summary>Deliveries of an event and/or a subscription, in log order, with their attempts.</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListAsync(string? eventId, string? subscriptionId, int limit, CancellationToken cancellationToken);
}
