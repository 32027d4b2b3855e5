namespace Normalizer.Delivery;

/// <summary>One delivery of a parked conversation; <see cref="Committed"/> completes once its retry row is stored.</summary>
internal sealed class ParkedDelivery(int stream, LogEvent evt, int attempts, DateTimeOffset nextAt, Task committed)
{
    public int Stream { get; } = stream;

    public LogEvent Event { get; } = evt;

    public int Attempts { get; set; } = attempts;

    public DateTimeOffset NextAt { get; set; } = nextAt;

    public Task Committed { get; } = committed;

    public ParkedEvent ToRow() => new(Stream, Event, Attempts, NextAt);
}
