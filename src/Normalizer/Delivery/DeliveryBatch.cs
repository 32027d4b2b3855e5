namespace Normalizer.Delivery;

/// <summary>What a subscription's worker writes in one transaction: finished attempts, retry rows and cursor moves.</summary>
public sealed class DeliveryBatch(string subscriptionId, string owner)
{
    /// <summary>Whose deliveries.</summary>
    public string SubscriptionId { get; } = subscriptionId;

    /// <summary>The lease holder; cursors and new retry rows are written only for partitions it holds.</summary>
    public string Owner { get; } = owner;

    /// <summary>Attempts to record.</summary>
    public List<(LogEvent Event, DeliveryAttempt Attempt)> Attempts { get; } = [];

    /// <summary>Retry rows to insert or update (keyed by stream and event).</summary>
    public List<(int Partition, ParkedEvent Row)> Retries { get; } = [];

    /// <summary>Retry rows to delete (delivered or dead).</summary>
    public List<(int Stream, long Seq)> Released { get; } = [];

    /// <summary>Cursor moves: these partitions of the stream are done up to the position.</summary>
    public List<(int Stream, IReadOnlyList<int> Partitions, long Seq)> Cursors { get; } = [];

    /// <summary>Whether there is nothing to write.</summary>
    public bool IsEmpty => Attempts.Count == 0 && Retries.Count == 0 && Released.Count == 0 && Cursors.Count == 0;
}
