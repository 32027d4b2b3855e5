namespace Normalizer.Delivery;

/// <summary>A partition's position in one stream: every event up to <paramref name="CursorSeq"/> is done.</summary>
/// <param name="Stream">0 for the live log, above for a replayed range.</param>
/// <param name="Partition">The partition (conversations hash to one).</param>
/// <param name="CursorSeq">The last log position done.</param>
/// <param name="EndSeq">The last position of a replayed range; null for the live log.</param>
public sealed record DeliveryCursor(int Stream, int Partition, long CursorSeq, long? EndSeq);
