using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>One product of a WhatsApp order.</summary>
public sealed record OrderItemPart
{
    /// <summary>The product's retailer id.</summary>
    [Description("The product's retailer id.")]
    public string? ProductRetailerId { get; init; }

    /// <summary>Quantity, as sent.</summary>
    [Description("Quantity, as sent.")]
    public string? Quantity { get; init; }

    /// <summary>Unit price, as sent (decimal text, never rounded).</summary>
    [Description("Unit price, as sent (decimal text, never rounded).")]
    public string? ItemPrice { get; init; }

    /// <summary>ISO 4217 currency.</summary>
    [Description("ISO 4217 currency.")]
    public string? Currency { get; init; }
}
