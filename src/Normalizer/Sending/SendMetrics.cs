using System.Diagnostics.Metrics;
using Normalizer.Diagnostics;
using Normalizer.Events;

namespace Normalizer.Sending;

/// <summary>
/// <c>normalizer.sends</c>: sends to one channel (after their retries), by <c>channel</c> and, when one failed,
/// <c>error.type</c> (the send error kind: invalid_recipient, window_closed, rate_limited, …).
/// </summary>
public sealed class SendMetrics
{
    private static readonly string[] Kinds = Enum.GetValues<SendErrorKind>().Select(k => SendService.Wire(k)).ToArray();

    private readonly Counter<long> _sends;

    /// <summary>Creates the instrument on <paramref name="meter"/>.</summary>
    public SendMetrics(NormalizerMeter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _sends = meter.Meter.CreateCounter<long>("normalizer.sends", "{send}",
            "Messages sent through one channel (retries included in one), by channel and error type when it failed.");
    }

    /// <summary>Counts one send on <paramref name="channel"/>; <paramref name="error"/> is null when Meta accepted it.</summary>
    public void Sent(Platform channel, SendErrorKind? error)
    {
        var tag = new KeyValuePair<string, object?>("channel", channel.ToWire());
        if (error is { } kind)
        {
            _sends.Add(1, tag, new KeyValuePair<string, object?>("error.type", Kinds[(int)kind]));
        }
        else
        {
            _sends.Add(1, tag);
        }
    }
}
