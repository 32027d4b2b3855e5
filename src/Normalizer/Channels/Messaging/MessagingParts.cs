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
        var text = message.Str("text"u8);
        var unsupported = message.Bool("is_unsupported"u8);
        var type = unsupported == true ? "unsupported"
            : attachments is [var first, ..] ? MessageType(first)
            : text is not null ? "text"
            : "unknown";
        return new MessagePart
        {
            Id = mid,
            Type = type,
            Body = text,
            Attachments = attachments,
            ReplyTo = message.Obj("reply_to"u8) is { } reply ? ReplyTo(reply) : null,
            QuickReplyPayload = message.Obj("quick_reply"u8)?.Str("payload"u8),
            Referral = message.Obj("referral"u8) is { } referral ? Referral(referral) : null,
            IsEcho = echo,
            AppId = message.Str("app_id"u8),
            Metadata = message.Str("metadata"u8),
            Location = attachments is null ? null : Location(message),
            IsUnsupported = unsupported,
        };
    }

    /// <summary>A <c>referral</c> object (standalone, in a postback, or in a message), with its ads context.</summary>
    public static ReferralPart Referral(JsonElement referral)
    {
        var ads = referral.Obj("ads_context_data"u8);
        return new ReferralPart
        {
            Ref = referral.Str("ref"u8),
            Source = referral.Str("source"u8),
            Type = referral.Str("type"u8),
            AdId = referral.Str("ad_id"u8),
            RefererUri = referral.Str("referer_uri"u8),
            FlowId = referral.Str("flow_id"u8),
            AdTitle = ads?.Str("ad_title"u8),
            PhotoUrl = ads?.Str("photo_url"u8),
            VideoUrl = ads?.Str("video_url"u8),
            PostId = ads?.Str("post_id"u8),
            ProductId = ads?.Str("product_id"u8),
        };
    }

    /// <summary>An <c>optin</c> object, including marketing-messages fields.</summary>
    /// <param name="optin">The optin object.</param>
    /// <param name="senderUserRef">sender.user_ref, used when the optin carries no user_ref of its own.</param>
    public static OptinPart Optin(JsonElement optin, string? senderUserRef = null) => new()
    {
        Type = optin.Str("type"u8),
        Payload = optin.Str("payload"u8),
        Ref = optin.Str("ref"u8),
        UserRef = optin.Str("user_ref"u8) ?? senderUserRef,
        Title = optin.Str("title"u8),
        NotificationMessagesToken = optin.Str("notification_messages_token"u8),
        TokenExpiryTimestamp = optin.Long("token_expiry_timestamp"u8),
        UserTokenStatus = optin.Str("user_token_status"u8),
        NotificationMessagesTimezone = optin.Str("notification_messages_timezone"u8),
        NotificationMessagesStatus = optin.Str("notification_messages_status"u8),
    };

    // Legacy Messenger stickers arrive as type image with payload.sticker_id (Meta's Messenger Platform webhook events).
    private static string MessageType(AttachmentPart first) =>
        first.Type == "image" && first.StickerId is not null ? "sticker" : first.Type;

    private static ReplyToPart ReplyTo(JsonElement reply)
    {
        var story = reply.Obj("story"u8);
        return new ReplyToPart
        {
            Id = reply.Str("mid"u8),
            IsSelfReply = reply.Bool("is_self_reply"u8),
            StoryId = story?.Str("id"u8),
            StoryUrl = story?.Str("url"u8),
        };
    }

    private static List<AttachmentPart>? Attachments(JsonElement message)
    {
        List<AttachmentPart>? list = null;
        foreach (var attachment in message.Items("attachments"u8))
        {
            if (attachment.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var payload = attachment.Obj("payload"u8);
            (list ??= []).Add(new AttachmentPart
            {
                Type = attachment.Str("type"u8) ?? "unknown",
                // Fallback attachments may carry url/title beside a null payload.
                Url = payload?.Str("url"u8) ?? attachment.Str("url"u8),
                // Ids of shared media: reel_video_id (reel, ig_reel), ig_post_media_id (ig_post) [3P].
                MediaId = payload?.Str("attachment_id"u8) ?? payload?.Str("reel_video_id"u8) ?? payload?.Str("ig_post_media_id"u8),
                Title = payload?.Str("title"u8) ?? attachment.Str("title"u8),
                StickerId = payload?.Str("sticker_id"u8),
            });
        }

        return list;
    }

    // Legacy Messenger location attachments: payload.coordinates { lat, long }, title and url beside the payload.
    private static LocationPart? Location(JsonElement message)
    {
        foreach (var attachment in message.Items("attachments"u8))
        {
            if (attachment.Obj("payload"u8)?.Obj("coordinates"u8) is { } c)
            {
                return new LocationPart
                {
                    Latitude = c.Double("lat"u8),
                    Longitude = c.Double("long"u8),
                    Name = attachment.Str("title"u8),
                    Url = attachment.Str("url"u8),
                };
            }
        }

        return null;
    }
}
