using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>A WhatsApp order (cart sent from a catalog).</summary>
public sealed record OrderPart
{
    /// <summary>The catalog id.</summary>
    [Description("The catalog id.")]
    public string? CatalogId { get; init; }

    /// <summary>Text sent with the order.</summary>
    [Description("Text sent with the order.")]
    public string? Text { get; init; }

    /// <summary>The products ordered.</summary>
    [Description("The products ordered.")]
    public IReadOnlyList<OrderItemPart>? ProductItems { get; init; }
}
