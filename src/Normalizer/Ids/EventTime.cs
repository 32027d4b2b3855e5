namespace Normalizer.Ids;

/// <summary>An event's time (<see cref="Timestamps.Choose"/>).</summary>
/// <param name="Seconds"><c>timestamp</c>.</param>
/// <param name="Milliseconds"><c>timestamp_ms</c>, where the source gives milliseconds.</param>
/// <param name="Source"><c>timestamp_source</c>: null when the update's own time was used.</param>
public readonly record struct EventTime(long Seconds, long? Milliseconds, string? Source)
{
    internal static EventTime Of(long metaTimestamp, string? source)
    {
        var (seconds, ms) = Timestamps.Split(metaTimestamp);
        return new EventTime(seconds, ms, source);
    }
}
