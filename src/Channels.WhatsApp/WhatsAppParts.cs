using System.Text.Json;
using Normalizer.Events;
using Normalizer.Json;

namespace Normalizer.Channels.WhatsApp;

/// <summary>Builders for the parts of a WhatsApp message object (Meta's messages webhook reference).</summary>
internal static class WhatsAppParts
{
    /// <summary>Media types: the content object is named after the type and carries id, mime_type, sha256…</summary>
    public static bool IsMedia(string? type) => type is "image" or "video" or "audio" or "document" or "sticker";

    public static AttachmentPart Attachment(string type, JsonElement media) => new()
    {
        Type = type,
        MediaId = media.Str("id"),
        MimeType = media.Str("mime_type"),
        Sha256 = media.Str("sha256"),
        Filename = media.Str("filename"),
        Caption = media.Str("caption"),
        Voice = media.Bool("voice"),
        Animated = media.Bool("animated"),
    };

    public static LocationPart Location(JsonElement location) => new()
    {
        Latitude = location.Double("latitude"),
        Longitude = location.Double("longitude"),
        Name = location.Str("name"),
        Address = location.Str("address"),
        Url = location.Str("url"),
    };

    /// <summary>
    /// <c>interactive{type, button_reply{id,title} | list_reply{id,title,description} | nfm_reply{name,body,response_json}}</c>.
    /// For a flow reply (nfm_reply) the id is the reply's <c>name</c> (flow, address_message) and the title its <c>body</c>.
    /// </summary>
    public static InteractivePart? Interactive(JsonElement interactive)
    {
        var type = interactive.Str("type");
        if (type is null)
        {
            return null;
        }

        var reply = interactive.Obj(type);
        return type == "nfm_reply"
            ? new InteractivePart { Type = type, Id = reply?.Str("name"), Title = reply?.Str("body"), ResponseJson = reply?.Str("response_json") }
            : new InteractivePart { Type = type, Id = reply?.Str("id"), Title = reply?.Str("title"), Description = reply?.Str("description") };
    }

    /// <summary>Template quick-reply button: <c>button{payload, text}</c>.</summary>
    public static InteractivePart Button(JsonElement button) =>
        new() { Type = "button", Id = button.Str("payload"), Title = button.Str("text") };

    /// <summary><c>order{catalog_id, text, product_items[{product_retailer_id, quantity, item_price, currency}]}</c>; numbers kept as sent.</summary>
    public static OrderPart Order(JsonElement order)
    {
        List<OrderItemPart>? items = null;
        foreach (var item in order.Items("product_items"))
        {
            (items ??= []).Add(new OrderItemPart
            {
                ProductRetailerId = item.Str("product_retailer_id"),
                Quantity = item.Str("quantity"),
                ItemPrice = item.Str("item_price"),
                Currency = item.Str("currency"),
            });
        }

        return new OrderPart { CatalogId = order.Str("catalog_id"), Text = order.Str("text"), ProductItems = items };
    }

    /// <summary>Click-to-WhatsApp ad referral on an inbound message.</summary>
    public static ReferralPart Referral(JsonElement referral) => new()
    {
        SourceUrl = referral.Str("source_url"),
        SourceId = referral.Str("source_id"),
        SourceType = referral.Str("source_type"),
        Headline = referral.Str("headline"),
        Body = referral.Str("body"),
        MediaType = referral.Str("media_type"),
        MediaUrl = referral.Str("image_url") ?? referral.Str("video_url"),
        CtwaClid = referral.Str("ctwa_clid"),
    };

    /// <summary><c>context{from, id, referred_product{catalog_id, product_retailer_id}}</c>; null when it names nothing.</summary>
    public static ReplyToPart? ReplyTo(JsonElement context)
    {
        var product = context.Obj("referred_product");
        var part = new ReplyToPart
        {
            Id = context.Str("id"),
            From = context.Str("from"),
            ReferredProductId = product?.Str("product_retailer_id"),
            CatalogId = product?.Str("catalog_id"),
        };
        return part is { Id: null, From: null, ReferredProductId: null, CatalogId: null } ? null : part;
    }

    /// <summary>An <c>errors[]</c> array: <c>code, title, message, error_data.details, href</c>; null when empty.</summary>
    public static List<MetaErrorPart>? Errors(JsonElement owner)
    {
        List<MetaErrorPart>? list = null;
        foreach (var error in owner.Items("errors"))
        {
            if (error.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            (list ??= []).Add(new MetaErrorPart
            {
                Code = error.Str("code"),
                Title = error.Str("title"),
                Message = error.Str("message"),
                Details = error.Obj("error_data")?.Str("details") ?? error.Str("details"),
                Href = error.Str("href"),
            });
        }

        return list;
    }
}
