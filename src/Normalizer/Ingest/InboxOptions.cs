namespace Normalizer.Ingest;

/// <summary>Section <c>Normalizer:Inbox</c>: how much work one inbox row may take before it is quarantined.</summary>
public sealed class InboxOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Normalizer:Inbox";

    /// <summary>
    /// Times a row may be begun without being finished (the process stopped, or its batch failed) before it is
    /// quarantined and the rows behind it go on.
    /// </summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// Time one row's events may take to store; a row over it is quarantined (and none of its events kept) rather than
    /// holding up the rows behind it.
    /// </summary>
    public TimeSpan RowTimeBudget { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Events one row may yield; a row over it is quarantined. Meta batches far fewer items per webhook.</summary>
    public int MaxEventsPerRow { get; set; } = 10_000;
}
