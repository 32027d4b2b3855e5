namespace Normalizer.Ids;

/// <summary>Meta's timestamps: Messenger/Instagram give Unix milliseconds, WhatsApp Unix seconds.</summary>
public static class Timestamps
{
    // 10^11 seconds is the year 5138; 10^11 milliseconds is 1973. Anything above is milliseconds.
    private const long MillisecondsThreshold = 100_000_000_000;

    /// <summary>Splits a Meta timestamp into seconds and (when it was given in ms) milliseconds.</summary>
    public static (long Seconds, long? Milliseconds) Split(long value) =>
        value >= MillisecondsThreshold ? (value / 1000, value) : (value, null);
}
