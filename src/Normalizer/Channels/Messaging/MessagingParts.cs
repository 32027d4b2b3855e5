using System.Text.Json;
using Normalizer.Events;
using Normalizer.Json;

namespace Normalizer.Channels.Messaging;

/// <summary>Builders for the parts of Messenger Platform items (messages, referrals, opt-ins).</summary>
public static class MessagingParts
{
    /// <summary>A <c>message</c> object (Meta's Messenger Platform webhook events, <c>messages</c> and <c>message_echoes</c>).</summary>
    public static MessagePart Message(JsonElement message, string mid, bool echo)
    {
        var attachments = Attachments(message);
        var text = message.Str("text");
        var type = message.Bool("is_unsupported") == true ? "unsupported"
            : attachments is [var first, ..] ? MessageType(first)
            : text is not null ? "text"
            : "unknown";
        return new MessagePart
        {
            Id = mid,
            Type = type,
            Body = text,
            Attachments = attachments,
            ReplyTo = message.Obj("reply_to") is { } reply ? ReplyTo(reply) : null,
            QuickReplyPayload = message.Obj("quick_reply")?.Str("payload"),
            Referral = message.Obj("referral") is { } referral ? Referral(referral) : null,
            IsEcho = echo,
            AppId = message.Str("app_id"),
            Metadata = message.Str("metadata"),
            Location = attachments is null ? null : Location(message),
            IsUnsupported = message.Bool("is_unsupported"),
        };
    }

    /// <summary>A <c>referral</c> object (standalone, in a postback, or in a message), with its ads context.</summary>
    public static ReferralPart Referral(JsonElement referral)
    {
        var ads = referral.Obj("ads_context_data");
        return new ReferralPart
        {
            Ref = referral.Str("ref"),
            Source = referral.Str("source"),
            Type = referral.Str("type"),
            AdId = referral.Str("ad_id"),
            RefererUri = referral.Str("referer_uri"),
            FlowId = referral.Str("flow_id"),
            AdTitle = ads?.Str("ad_title"),
            PhotoUrl = ads?.Str("photo_url"),
            VideoUrl = ads?.Str("video_url"),
            PostId = ads?.Str("post_id"),
            ProductId = ads?.Str("product_id"),
        };
    }

    /// <summary>An <c>optin</c> object, including marketing-messages fields.</summary>
    /// <param name="optin">The optin object.</param>
    /// <param name="senderUserRef">sender.user_ref, used when the optin carries no user_ref of its own.</param>
    public static OptinPart Optin(JsonElement optin, string? senderUserRef = null) => new()
    {
        Type = optin.Str("type"),
        Payload = optin.Str("payload"),
        Ref = optin.Str("ref"),
        UserRef = optin.Str("user_ref") ?? senderUserRef,
        Title = optin.Str("title"),
        NotificationMessagesToken = optin.Str("notification_messages_token"),
        TokenExpiryTimestamp = optin.Long("token_expiry_timestamp"),
        UserTokenStatus = optin.Str("user_token_status"),
        NotificationMessagesTimezone = optin.Str("notification_messages_timezone"),
        NotificationMessagesStatus = optin.Str("notification_messages_status"),
    };

    // Legacy Messenger stickers arrive as type image with payload.sticker_id (Meta's Messenger Platform webhook events).
    private static string MessageType(AttachmentPart first) =>
        first.Type == "image" && first.StickerId is not null ? "sticker" : first.Type;

    private static ReplyToPart ReplyTo(JsonElement reply)
    {
        var story = reply.Obj("story");
        return new ReplyToPart
        {
            Id = reply.Str("mid"),
            IsSelfReply = reply.Bool("is_self_reply"),
            StoryId = story?.Str("id"),
            StoryUrl = story?.Str("url"),
        };
    }

    private static List<AttachmentPart>? Attachments(JsonElement message)
    {
        List<AttachmentPart>? list = null;
        foreach (var attachment in message.Items("attachments"))
        {
            if (attachment.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var payload = attachment.Obj("payload");
            (list ??= []).Add(new AttachmentPart
            {
                Type = attachment.Str("type") ?? "unknown",
                // Fallback attachments may carry url/title beside a null payload.
                Url = payload?.Str("url") ?? attachment.Str("url"),
                // Ids of shared media: reel_video_id (reel, ig_reel), ig_post_media_id (ig_post) [3P].
                MediaId = payload?.Str("attachment_id") ?? payload?.Str("reel_video_id") ?? payload?.Str("ig_post_media_id"),
                Title = payload?.Str("title") ?? attachment.Str("title"),
                StickerId = payload?.Str("sticker_id"),
            });
        }

        return list;
    }

    // Legacy Messenger location attachments: payload.coordinates { lat, long }, title and url beside the payload.
    private static LocationPart? Location(JsonElement message)
    {
        foreach (var attachment in message.Items("attachments"))
        {
            if (attachment.Obj("payload")?.Obj("coordinates") is { } c)
            {
                return new LocationPart
                {
                    Latitude = c.Double("lat"),
                    Longitude = c.Double("long"),
                    Name = attachment.Str("title"),
                    Url = attachment.Str("url"),
                };
            }
        }

        return null;
    }
}
