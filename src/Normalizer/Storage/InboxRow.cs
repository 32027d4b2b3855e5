namespace Normalizer.Storage;

/// <summary>An unprocessed inbox row.</summary>
public sealed record InboxRow
{
    /// <summary>Arrival order.</summary>
    public required long Id { get; init; }

    /// <summary>Arrival time, Unix ms.</summary>
    public required long ReceivedAt { get; init; }

    /// <summary>Pinned channel (wire name) or null.</summary>
    public string? Channel { get; init; }

    /// <summary>Whether the signature matched.</summary>
    public required bool SignatureVerified { get; init; }

    /// <summary>The raw body.</summary>
    public required byte[] Body { get; init; }

    /// <summary>How many times processing of the row was begun after a start, and not finished (<see cref="IInbox.CountAttemptAsync"/>).</summary>
    public int Attempts { get; init; }
}
