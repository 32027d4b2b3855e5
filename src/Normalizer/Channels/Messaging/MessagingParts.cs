using System.Text.Json;
using Normalizer.Events;
using Normalizer.Json;

namespace Normalizer.Channels.Messaging;

/// <summary>Builders for the parts of Messenger Platform items (messages, referrals, opt-ins).</summary>
public static class MessagingParts
{
    /// <summary>A <c>message</c> object (PLATFORM.md §2.6, <c>messages</c> and <c>message_echoes</c>).</summary>
    public static MessagePart Message(JsonElement message, string mid, bool echo)
    {
        var attachments = Attachments(message);
        var text = message.Str("text");
        var quickReply = message.Obj("quick_reply") is { } q ? q.Str("payload") : null;
        var type = message.Bool("is_unsupported") == true ? "unsupported"
            : attachments is { Count: > 0 } ? attachments[0].Type
            : text is not null ? "text"
            : "unknown";
        return new MessagePart
        {
            Id = mid,
            Type = type,
            Body = text,
            Attachments = attachments,
            ReplyTo = message.Obj("reply_to") is { } reply ? ReplyTo(reply) : null,
            QuickReplyPayload = quickReply,
            Referral = message.Obj("referral") is { } referral ? Referral(referral) : null,
            IsEcho = echo,
            AppId = message.Str("app_id"),
            Metadata = message.Str("metadata"),
            Location = attachments?.Count > 0 ? Location(message) : null,
            IsUnsupported = message.Bool("is_unsupported"),
        };
    }

    /// <summary>A <c>referral</c> object (standalone, in a postback, or in a message).</summary>
    public static ReferralPart Referral(JsonElement referral) => new()
    {
        Ref = referral.Str("ref"),
        Source = referral.Str("source"),
        Type = referral.Str("type"),
        AdId = referral.Str("ad_id"),
        RefererUri = referral.Str("referer_uri"),
        FlowId = referral.Str("flow_id"),
    };

    /// <summary>An <c>optin</c> object, including marketing-messages fields.</summary>
    public static OptinPart Optin(JsonElement optin) => new()
    {
        Type = optin.Str("type"),
        Payload = optin.Str("payload"),
        Ref = optin.Str("ref"),
        UserRef = optin.Str("user_ref"),
        Title = optin.Str("title"),
        NotificationMessagesToken = optin.Str("notification_messages_token"),
        TokenExpiryTimestamp = optin.Long("token_expiry_timestamp"),
        UserTokenStatus = optin.Str("user_token_status"),
        NotificationMessagesTimezone = optin.Str("notification_messages_timezone"),
        NotificationMessagesStatus = optin.Str("notification_messages_status"),
    };

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
            var payload = attachment.Obj("payload");
            (list ??= []).Add(new AttachmentPart
            {
                Type = attachment.Str("type") ?? "unknown",
                Url = payload?.Str("url") ?? attachment.Str("url"),
                MediaId = payload?.Str("attachment_id"),
                Title = payload?.Str("title") ?? attachment.Str("title"),
                StickerId = payload?.Str("sticker_id"),
            });
        }

        return list;
    }

    // Legacy Messenger location attachments: payload.coordinates { lat, long }.
    private static LocationPart? Location(JsonElement message)
    {
        foreach (var attachment in message.Items("attachments"))
        {
            if (attachment.Obj("payload")?.Obj("coordinates") is { } c)
            {
                return new LocationPart { Latitude = c.Double("lat"), Longitude = c.Double("long"), Name = attachment.Str("title") };
            }
        }

        return null;
    }
}
