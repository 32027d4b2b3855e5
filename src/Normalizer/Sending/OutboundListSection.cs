namespace Normalizer.Sending;

/// <summary>A section of a WhatsApp list message.</summary>
public sealed record OutboundListSection
{
    /// <summary>Section title.</summary>
    public string? Title { get; init; }

    /// <summary>Rows.</summary>
    public required IReadOnlyList<OutboundChoice> Rows { get; init; }
}
