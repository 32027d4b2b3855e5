using Normalizer.Delivery;

namespace Normalizer.Storage;

/// <summary>The delivery queue (<c>deliveries</c>) and its attempt log (<c>delivery_attempts</c>).</summary>
public interface IDeliveryStore
{
    /// <summary>
    /// Up to <paramref name="limit"/> pending deliveries due at <paramref name="now"/>, in id order, each the
    /// oldest pending one of its (subscription, conversation), skipping <paramref name="busy"/>.
    /// </summary>
    Task<IReadOnlyList<DueDelivery>> ReadDueAsync(DateTimeOffset now, int limit, IReadOnlyCollection<long> busy, CancellationToken cancellationToken);

    /// <summary>Records an attempt; a successful one marks the delivery delivered.</summary>
    Task RecordAttemptAsync(long deliveryId, DeliveryAttempt attempt, bool delivered, CancellationToken cancellationToken);

    /// <summary>Sets when a pending delivery is next attempted (survives a restart).</summary>
    Task ScheduleAsync(long deliveryId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Moves a pending delivery to the dead letter.</summary>
    Task MarkDeadAsync(long deliveryId, CancellationToken cancellationToken);

    /// <summary>Queues the events with <c>seq</c> in [<paramref name="from"/>, <paramref name="to"/>] that pass the subscription's filter; returns how many.</summary>
    Task<int> EnqueueRangeAsync(Subscription subscription, long from, long to, CancellationToken cancellationToken);

    /// <summary>Deliveries of an event and/or a subscription, in id order, with their attempts.</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListAsync(string? eventId, string? subscriptionId, int limit, CancellationToken cancellationToken);
}
