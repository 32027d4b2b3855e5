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
        MediaId = media.Str("id"u8),
        MimeType = media.Str("mime_type"u8),
        Sha256 = media.Str("sha256"u8),
        Filename = media.Str("filename"u8),
        Caption = media.Str("caption"u8),
        Voice = media.Bool("voice"u8),
        Animated = media.Bool("animated"u8),
    };

    public static LocationPart Location(JsonElement location) => new()
    {
        Latitude = location.Double("latitude"u8),
        Longitude = location.Double("longitude"u8),
        Name = location.Str("name"u8),
        Address = location.Str("address"u8),
        Url = location.Str("url"u8),
    };

    /// <summary>
    /// <c>interactive{type, button_reply{id,title} | list_reply{id,title,description} | nfm_reply{name,body,response_json}}</c>.
    /// For a flow reply (nfm_reply) the id is the reply's <c>name</c> (flow, address_message) and the title its <c>body</c>.
    /// </summary>
    public static InteractivePart? Interactive(JsonElement interactive)
    {
        var type = interactive.Str("type"u8);
        if (type is null)
        {
            return null;
        }

        var reply = interactive.Obj(type);
        return type == "nfm_reply"
            ? new InteractivePart { Type = type, Id = reply?.Str("name"u8), Title = reply?.Str("body"u8), ResponseJson = reply?.Str("response_json"u8) }
            : new InteractivePart { Type = type, Id = reply?.Str("id"u8), Title = reply?.Str("title"u8), Description = reply?.Str("description"u8) };
    }

    /// <summary>Template quick-reply button: <c>button{payload, text}</c>.</summary>
    public static InteractivePart Button(JsonElement button) =>
        new() { Type = "button", Id = button.Str("payload"u8), Title = button.Str("text"u8) };

    /// <summary><c>order{catalog_id, text, product_items[{product_retailer_id, quantity, item_price, currency}]}</c>; numbers kept as sent.</summary>
    public static OrderPart Order(JsonElement order)
    {
        List<OrderItemPart>? items = null;
        foreach (var item in order.Items("product_items"u8))
        {
            (items ??= []).Add(new OrderItemPart
            {
                ProductRetailerId = item.Str("product_retailer_id"u8),
                Quantity = item.Str("quantity"u8),
                ItemPrice = item.Str("item_price"u8),
                Currency = item.Str("currency"u8),
            });
        }

        return new OrderPart { CatalogId = order.Str("catalog_id"u8), Text = order.Str("text"u8), ProductItems = items };
    }

    /// <summary>Click-to-WhatsApp ad referral on an inbound message.</summary>
    public static ReferralPart Referral(JsonElement referral) => new()
    {
        SourceUrl = referral.Str("source_url"u8),
        SourceId = referral.Str("source_id"u8),
        SourceType = referral.Str("source_type"u8),
        Headline = referral.Str("headline"u8),
        Body = referral.Str("body"u8),
        MediaType = referral.Str("media_type"u8),
        MediaUrl = referral.Str("image_url"u8) ?? referral.Str("video_url"u8),
        CtwaClid = referral.Str("ctwa_clid"u8),
    };

    /// <summary><c>context{from, id, referred_product{catalog_id, product_retailer_id}}</c>; null when it names nothing.</summary>
    public static ReplyToPart? ReplyTo(JsonElement context)
    {
        var product = context.Obj("referred_product"u8);
        var part = new ReplyToPart
        {
            Id = context.Str("id"u8),
            From = context.Str("from"u8),
            ReferredProductId = product?.Str("product_retailer_id"u8),
            CatalogId = product?.Str("catalog_id"u8),
        };
        return part is { Id: null, From: null, ReferredProductId: null, CatalogId: null } ? null : part;
    }

    /// <summary>An <c>errors[]</c> array: <c>code, title, message, error_data.details, href</c>; null when empty.</summary>
    public static List<MetaErrorPart>? Errors(JsonElement owner)
    {
        List<MetaErrorPart>? list = null;
        foreach (var error in owner.Items("errors"u8))
        {
            if (error.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            (list ??= []).Add(new MetaErrorPart
            {
                Code = error.Str("code"u8),
                Title = error.Str("title"u8),
                Message = error.Str("message"u8),
                Details = error.Obj("error_data"u8)?.Str("details"u8) ?? error.Str("details"u8),
                Href = error.Str("href"u8),
            });
        }

        return list;
    }
}
