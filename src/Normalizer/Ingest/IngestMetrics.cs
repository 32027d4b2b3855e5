using System.Diagnostics.Metrics;
using Normalizer.Diagnostics;
using Normalizer.Events;
using Normalizer.Storage;

namespace Normalizer.Ingest;

/// <summary>
/// Ingest instruments: <c>normalizer.webhooks.received</c> (by <c>channel</c> and <c>outcome</c>),
/// <c>normalizer.inbox.lag</c> (seconds the oldest unprocessed webhook has waited) and <c>normalizer.events.stored</c>
/// (by <c>platform</c> and <c>event</c>). Every label value comes from a fixed set.
/// </summary>
public sealed class IngestMetrics
{
    private readonly Counter<long> _received;
    private readonly Counter<long> _stored;
    private readonly TimeProvider _time;

    // Unix ms of the oldest webhook known to wait in the inbox, 0 when it was last seen empty.
    private long _oldestPending;

    /// <summary>Creates the instruments on <paramref name="meter"/>.</summary>
    public IngestMetrics(NormalizerMeter meter, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _time = time;
        _received = meter.Meter.CreateCounter<long>("normalizer.webhooks.received", "{webhook}",
            "Webhooks received from Meta, by channel and outcome (accepted, or why not).");
        _stored = meter.Meter.CreateCounter<long>("normalizer.events.stored", "{event}",
            "Normalized events stored (new ones only, not redeliveries), by platform and event name.");
        meter.Meter.CreateObservableGauge("normalizer.inbox.lag", ObserveLag, "s",
            "How long the oldest webhook waiting in the inbox has waited; 0 when the inbox is empty.");
    }

    /// <summary>Counts one webhook request; <paramref name="channel"/> is the route's channel, <paramref name="outcome"/> a <see cref="WebhookOutcome"/>.</summary>
    public void WebhookReceived(string channel, string outcome) =>
        _received.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Counts the events a committed batch stored.</summary>
    public void Stored(IReadOnlyList<StoredEvent> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!_stored.Enabled)
        {
            return;
        }

        for (var i = 0; i < stored.Count; i++)
        {
            var evt = stored[i].Event;
            _stored.Add(1, new KeyValuePair<string, object?>("platform", evt.Platform.ToWire()),
                new KeyValuePair<string, object?>("event", evt.Event));
        }
    }

    /// <summary>What the inbox processor read: the arrival time (Unix ms) of the oldest webhook waiting, or null when none waits.</summary>
    public void OldestPending(long? receivedAt) => Interlocked.Exchange(ref _oldestPending, receivedAt ?? 0);

    /// <summary>
    /// A webhook accepted at <paramref name="receivedAt"/> (Unix ms) waits in the inbox: the lag counts from it when nothing
    /// older is known to wait, so a processor that stopped reading shows as a growing lag.
    /// </summary>
    public void Waiting(long receivedAt)
    {
        // Read first: once something is known to wait (the common case under load), no locked write per webhook on a line
        // the processor writes too.
        if (Volatile.Read(ref _oldestPending) == 0)
        {
            Interlocked.CompareExchange(ref _oldestPending, receivedAt, 0);
        }
    }

    private double ObserveLag()
    {
        var oldest = Interlocked.Read(ref _oldestPending);
        return oldest == 0 ? 0 : Math.Max(0, (_time.GetUtcNow().ToUnixTimeMilliseconds() - oldest) / 1000.0);
    }
}
