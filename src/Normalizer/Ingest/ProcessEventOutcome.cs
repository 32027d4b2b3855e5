namespace Normalizer.Ingest;

/// <summary>What became of an event in the pipeline.</summary>
public enum ProcessEventOutcome
{
    /// <summary>New: stored (and queued for delivery).</summary>
    Stored,
    /// <summary>Already seen: the platform redelivered it.</summary>
    Duplicate,
    /// <summary>Invalid: goes to quarantine with the reasons.</summary>
    Rejected,
}
