using System.ComponentModel;
namespace Normalizer.Sending;

/// <summary>A section of a WhatsApp list message.</summary>
public sealed record OutboundListSection
{
    /// <summary>Section title.</summary>
    [Description("Section title.")]
    public string? Title { get; init; }

    /// <summary>Rows.</summary>
    [Description("Rows.")]
    public required IReadOnlyList<OutboundChoice> Rows { get; init; }
}
