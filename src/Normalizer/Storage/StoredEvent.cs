using Normalizer.Events;

namespace Normalizer.Storage;

/// <summary>An event as stored: its position in the event log (the cursor) and the event.</summary>
/// <param name="Seq">Position in the event log; cursors are this number as text.</param>
/// <param name="Event">The event.</param>
public sealed record StoredEvent(long Seq, NormalizedEvent Event);
