namespace Normalizer.Storage;

/// <summary>A webhook that could not be normalized, or some of whose events failed validation: one record per inbox row.</summary>
public sealed record QuarantineEntry
{
    /// <summary>Quarantine id.</summary>
    public required long Id { get; init; }

    /// <summary>The inbox row it came from.</summary>
    public long? InboxId { get; init; }

    /// <summary>The first rejected event's id, when events of the body were rejected (the reason lists them).</summary>
    public string? EventId { get; init; }

    /// <summary>Why.</summary>
    public required string Reason { get; init; }

    /// <summary>The webhook body as text.</summary>
    public required string Body { get; init; }

    /// <summary>When the webhook arrived.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When it was quarantined.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
