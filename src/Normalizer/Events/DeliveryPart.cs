using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>A delivery receipt.</summary>
public sealed record DeliveryPart
{
    /// <summary>Every message sent before this Unix-ms time was delivered.</summary>
    [Description("Every message sent before this Unix-ms time was delivered.")]
    public long? Watermark { get; init; }

    /// <summary>The delivered mids, where Meta lists them.</summary>
    [Description("The delivered mids, where Meta lists them.")]
    public IReadOnlyList<string>? MessageIds { get; init; }
}
