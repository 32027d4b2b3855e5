using Normalizer.Events;

namespace Normalizer.Storage;

/// <summary>A page of the event log: events after the cursor, in order, optionally filtered.</summary>
public sealed record EventQuery
{
    /// <summary>Largest page.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Only events after this position.</summary>
    public long After { get; init; }

    /// <summary>Page size, 1 to <see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Only this platform.</summary>
    public Platform? Platform { get; init; }

    /// <summary>Only this page id.</summary>
    public string? PageId { get; init; }

    /// <summary>Only this event name.</summary>
    public string? Event { get; init; }
}
