namespace Normalizer.Storage;

/// <summary>A webhook (or one event of it) that could not be normalized or failed validation.</summary>
public sealed record QuarantineEntry
{
    /// <summary>Quarantine id.</summary>
    public required long Id { get; init; }

    /// <summary>The inbox row it came from.</summary>
    public long? InboxId { get; init; }

    /// <summary>The rejected event's id, when one event of the body was rejected.</summary>
    public string? EventId { get; init; }

    /// <summary>Why.</summary>
    public required string Reason { get; init; }

    /// <summary>The body (or the rejected event's JSON) as text.</summary>
    public required string Body { get; init; }

    /// <summary>When the webhook arrived.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When it was quarantined.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
