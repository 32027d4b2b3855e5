using System.Diagnostics.Metrics;
using Normalizer.Diagnostics;

namespace Normalizer.Delivery;

/// <summary>
/// Delivery instruments: <c>normalizer.delivery.attempts</c> (by <c>outcome</c>: delivered, rejected — the subscriber
/// answered other than 2xx — or unreachable — no answer: timeout, network, refused destination) and
/// <c>normalizer.delivery.dead_letters</c> (deliveries given up after their last attempt).
/// </summary>
public sealed class DeliveryMetrics
{
    private static readonly KeyValuePair<string, object?> Delivered = new("outcome", "delivered");
    private static readonly KeyValuePair<string, object?> Rejected = new("outcome", "rejected");
    private static readonly KeyValuePair<string, object?> Unreachable = new("outcome", "unreachable");

    private readonly Counter<long> _attempts;
    private readonly Counter<long> _dead;

    /// <summary>Creates the instruments on <paramref name="meter"/>.</summary>
    public DeliveryMetrics(NormalizerMeter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _attempts = meter.Meter.CreateCounter<long>("normalizer.delivery.attempts", "{attempt}",
            "POSTs of events to subscribers, by outcome (delivered, rejected, unreachable).");
        _dead = meter.Meter.CreateCounter<long>("normalizer.delivery.dead_letters", "{delivery}",
            "Deliveries given up after their last attempt (dead letters).");
    }

    /// <summary>Counts one attempt by its outcome.</summary>
    public void Attempted(DeliveryAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        _attempts.Add(1, attempt.Delivered ? Delivered : attempt.StatusCode is null ? Unreachable : Rejected);
    }

    /// <summary>Counts one delivery given up.</summary>
    public void DeadLettered() => _dead.Add(1);
}
