using System.ComponentModel;
namespace Normalizer.Sending;

/// <summary>A quick reply, button or list row: what the user sees and what comes back.</summary>
public sealed record OutboundChoice
{
    /// <summary>Label (Messenger quick reply ≤ 20 chars, WhatsApp button ≤ 20).</summary>
    [Description("Label (Messenger quick reply ≤ 20 chars, WhatsApp button ≤ 20).")]
    public required string Title { get; init; }

    /// <summary>Payload / id returned when chosen.</summary>
    [Description("Payload / id returned when chosen.")]
    public required string Payload { get; init; }

    /// <summary>List row description (WhatsApp).</summary>
    [Description("List row description (WhatsApp).")]
    public string? Description { get; init; }
}
