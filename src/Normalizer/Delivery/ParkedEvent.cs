namespace Normalizer.Delivery;

/// <summary>A row of <c>delivery_retries</c> with its event: retried, or waiting behind its conversation's first row.</summary>
/// <param name="Stream">The stream it was read from.</param>
/// <param name="Event">The event.</param>
/// <param name="Attempts">Attempts made so far (0: waiting).</param>
/// <param name="NextAt">When it is attempted next.</param>
public sealed record ParkedEvent(int Stream, LogEvent Event, int Attempts, DateTimeOffset NextAt);
