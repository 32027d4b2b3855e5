using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>A read / seen receipt.</summary>
public sealed record ReadPart
{
    /// <summary>Messenger: every message sent before this Unix-ms time was read.</summary>
    [Description("Messenger: every message sent before this Unix-ms time was read.")]
    public long? Watermark { get; init; }

    /// <summary>Instagram: the mid that was seen.</summary>
    [Description("Instagram: the mid that was seen.")]
    public string? MessageId { get; init; }
}
