namespace Normalizer.Ids;

/// <summary>Meta's timestamps: Messenger/Instagram give Unix milliseconds, WhatsApp Unix seconds.</summary>
public static class Timestamps
{
    /// <summary>2004-02-04 (Unix seconds): no Meta update is older.</summary>
    public const long Earliest = 1_075_852_800;

    // 10^11 seconds is the year 5138; 10^11 milliseconds is 1973. Anything above is milliseconds.
    private const long MillisecondsThreshold = 100_000_000_000;

    /// <summary>Splits a Meta timestamp into seconds and (when it was given in ms) milliseconds.</summary>
    public static (long Seconds, long? Milliseconds) Split(long value) =>
        value >= MillisecondsThreshold ? (value / 1000, value) : (value, null);

    /// <summary>Where an event's time came from when not from the update itself (<c>timestamp_source</c>).</summary>
    public const string FromEntry = "entry", FromWatermark = "watermark", FromReceivedAt = "received_at";

    /// <summary>
    /// An update's time: its own (<paramref name="own"/>) when plausible, or — when it has none — its entry's; otherwise the
    /// first plausible of the entry's time, a receipt's watermark and the receive time, named as the source. A real update
    /// is never refused for its time.
    /// </summary>
    public static EventTime Choose(long? own, long? entry, long? watermark, DateTimeOffset receivedAt)
    {
        if (own is { } o && IsPlausible(o, receivedAt))
        {
            return EventTime.Of(o, null);
        }

        if (entry is { } e && IsPlausible(e, receivedAt))
        {
            return EventTime.Of(e, own is null ? null : FromEntry);
        }

        return watermark is { } w && IsPlausible(w, receivedAt)
            ? EventTime.Of(w, FromWatermark)
            : new EventTime(receivedAt.ToUnixTimeSeconds(), receivedAt.ToUnixTimeMilliseconds(), FromReceivedAt);
    }

    /// <summary>
    /// Whether a Meta timestamp (seconds or milliseconds) can be when an update received at <paramref name="receivedAt"/>
    /// happened: not before <see cref="Earliest"/> and not more than a day after it was received (clocks differ). Meta
    /// sends <c>"timestamp": 0</c> on some Messenger delivery items, for one.
    /// </summary>
    public static bool IsPlausible(long value, DateTimeOffset receivedAt)
    {
        var seconds = Split(value).Seconds;
        return seconds >= Earliest && seconds <= receivedAt.AddDays(1).ToUnixTimeSeconds();
    }
}
