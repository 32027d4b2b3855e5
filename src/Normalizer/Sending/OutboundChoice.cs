namespace Normalizer.Sending;

/// <summary>A quick reply, button or list row: what the user sees and what comes back.</summary>
public sealed record OutboundChoice
{
    /// <summary>Label (Messenger quick reply ≤ 20 chars, WhatsApp button ≤ 20).</summary>
    public required string Title { get; init; }

    /// <summary>Payload / id returned when chosen.</summary>
    public required string Payload { get; init; }

    /// <summary>List row description (WhatsApp).</summary>
    public string? Description { get; init; }
}
