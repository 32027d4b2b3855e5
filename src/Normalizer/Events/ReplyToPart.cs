using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>The message a message replies to.</summary>
public sealed record ReplyToPart
{
    /// <summary>The id (mid / wamid) of the message replied to.</summary>
    [Description("The id (mid / wamid) of the message replied to.")]
    public string? Id { get; init; }

    /// <summary>WhatsApp: the number that sent the message replied to (context.from).</summary>
    [Description("WhatsApp: the number that sent the message replied to (context.from).")]
    public string? From { get; init; }

    /// <summary>Messenger: the user replied to their own message.</summary>
    [Description("Messenger: the user replied to their own message.")]
    public bool? IsSelfReply { get; init; }

    /// <summary>Instagram story reply: the story id.</summary>
    [Description("Instagram story reply: the story id.")]
    public string? StoryId { get; init; }

    /// <summary>Instagram story reply: the story CDN URL.</summary>
    [Description("Instagram story reply: the story CDN URL.")]
    public string? StoryUrl { get; init; }


    /// <summary>WhatsApp: product the user asked about (context.referred_product.product_retailer_id).</summary>
    [Description("WhatsApp: product the user asked about (context.referred_product.product_retailer_id).")]
    public string? ReferredProductId { get; init; }

    /// <summary>WhatsApp: catalog of that product.</summary>
    [Description("WhatsApp: catalog of that product.")]
    public string? CatalogId { get; init; }
}
