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
    /// <summary>
    /// Handed to the store with the session's other statements: stored if new, nothing new if a redelivery, decided when
    /// they are sent (a batch of the inbox processor on a database server).
    /// </summary>
    Pending,
}
