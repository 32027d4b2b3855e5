namespace Normalizer.Storage;

/// <summary>What one pass of the <see cref="RetentionPruner"/> deleted.</summary>
public sealed record Pruned(long Inbox, long Events, long Deliveries, long Quarantine)
{
    /// <summary>Rows deleted in all.</summary>
    public long Total => Inbox + Events + Deliveries + Quarantine;
}
