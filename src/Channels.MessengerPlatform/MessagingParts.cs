using System.Text.Json;
using Normalizer.Events;
using Normalizer.Json;

namespace Normalizer.Channels.MessengerPlatform;

/// <summary>
/// Readers of the parts of Messenger Platform items (messages, referrals, opt-ins…). Each is called with the reader on
/// the part's object start and leaves it on its end; a property's last occurrence wins.
/// </summary>
public static class MessagingParts
{
    /// <summary>A <c>message</c> object (Meta's Messenger Platform webhook events, <c>messages</c> and <c>message_echoes</c>).</summary>
    /// <param name="reader">On the object's start.</param>
    /// <param name="deleted">Whether the message says <c>is_deleted</c> (an Instagram unsend).</param>
    public static MessagePart Message(ref Utf8JsonReader reader, out bool deleted)
    {
        string mid = "";
        string? text = null, quickReply = null, appId = null, metadata = null;
        bool echo = false;
        bool? unsupported = null;
        List<AttachmentPart>? attachments = null;
        LocationPart? location = null;
        ReplyToPart? replyTo = null;
        ReferralPart? referral = null;
        deleted = false;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("mid"u8)) { mid = reader.ReadText() ?? ""; }
            else if (reader.ValueTextEquals("text"u8)) { text = reader.ReadText(); }
            else if (reader.ValueTextEquals("is_echo"u8)) { echo = reader.ReadBool() == true; }
            else if (reader.ValueTextEquals("is_deleted"u8)) { deleted = reader.ReadBool() == true; }
            else if (reader.ValueTextEquals("is_unsupported"u8)) { unsupported = reader.ReadBool(); }
            else if (reader.ValueTextEquals("attachments"u8)) { attachments = Attachments(ref reader, out location); }
            else if (reader.ValueTextEquals("reply_to"u8)) { replyTo = reader.EnterObject() ? ReplyTo(ref reader) : null; }
            else if (reader.ValueTextEquals("quick_reply"u8)) { quickReply = reader.EnterObject() ? Field(ref reader, "payload"u8) : null; }
            else if (reader.ValueTextEquals("referral"u8)) { referral = reader.EnterObject() ? Referral(ref reader) : null; }
            else if (reader.ValueTextEquals("app_id"u8)) { appId = reader.ReadText(); }
            else if (reader.ValueTextEquals("metadata"u8)) { metadata = reader.ReadText(); }
            else { reader.Skip(); }
        }

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
            ReplyTo = replyTo,
            QuickReplyPayload = quickReply,
            Referral = referral,
            IsEcho = echo,
            AppId = appId,
            Metadata = metadata,
            Location = location,
            IsUnsupported = unsupported,
        };
    }

    /// <summary>A <c>referral</c> object (standalone, in a postback, or in a message), with its ads context.</summary>
    public static ReferralPart Referral(ref Utf8JsonReader reader)
    {
        string? @ref = null, source = null, type = null, adId = null, refererUri = null, flowId = null;
        string? adTitle = null, photoUrl = null, videoUrl = null, postId = null, productId = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("ref"u8)) { @ref = reader.ReadText(); }
            else if (reader.ValueTextEquals("source"u8)) { source = reader.ReadText(); }
            else if (reader.ValueTextEquals("type"u8)) { type = reader.ReadText(); }
            else if (reader.ValueTextEquals("ad_id"u8)) { adId = reader.ReadText(); }
            else if (reader.ValueTextEquals("referer_uri"u8)) { refererUri = reader.ReadText(); }
            else if (reader.ValueTextEquals("flow_id"u8)) { flowId = reader.ReadText(); }
            else if (reader.ValueTextEquals("ads_context_data"u8))
            {
                adTitle = photoUrl = videoUrl = postId = productId = null;
                if (!reader.EnterObject())
                {
                    continue;
                }

                while (reader.NextProperty())
                {
                    if (reader.ValueTextEquals("ad_title"u8)) { adTitle = reader.ReadText(); }
                    else if (reader.ValueTextEquals("photo_url"u8)) { photoUrl = reader.ReadText(); }
                    else if (reader.ValueTextEquals("video_url"u8)) { videoUrl = reader.ReadText(); }
                    else if (reader.ValueTextEquals("post_id"u8)) { postId = reader.ReadText(); }
                    else if (reader.ValueTextEquals("product_id"u8)) { productId = reader.ReadText(); }
                    else { reader.Skip(); }
                }
            }
            else { reader.Skip(); }
        }

        return new ReferralPart
        {
            Ref = @ref,
            Source = source,
            Type = type,
            AdId = adId,
            RefererUri = refererUri,
            FlowId = flowId,
            AdTitle = adTitle,
            PhotoUrl = photoUrl,
            VideoUrl = videoUrl,
            PostId = postId,
            ProductId = productId,
        };
    }

    /// <summary>An <c>optin</c> (or <c>optout</c>) object, including marketing-messages fields; its own user_ref only.</summary>
    public static OptinPart Optin(ref Utf8JsonReader reader)
    {
        string? type = null, payload = null, @ref = null, userRef = null, title = null, token = null;
        string? tokenStatus = null, timezone = null, status = null;
        long? expiry = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("type"u8)) { type = reader.ReadText(); }
            else if (reader.ValueTextEquals("payload"u8)) { payload = reader.ReadText(); }
            else if (reader.ValueTextEquals("ref"u8)) { @ref = reader.ReadText(); }
            else if (reader.ValueTextEquals("user_ref"u8)) { userRef = reader.ReadText(); }
            else if (reader.ValueTextEquals("title"u8)) { title = reader.ReadText(); }
            else if (reader.ValueTextEquals("notification_messages_token"u8)) { token = reader.ReadText(); }
            else if (reader.ValueTextEquals("token_expiry_timestamp"u8)) { expiry = reader.ReadLong(); }
            else if (reader.ValueTextEquals("user_token_status"u8)) { tokenStatus = reader.ReadText(); }
            else if (reader.ValueTextEquals("notification_messages_timezone"u8)) { timezone = reader.ReadText(); }
            else if (reader.ValueTextEquals("notification_messages_status"u8)) { status = reader.ReadText(); }
            else { reader.Skip(); }
        }

        return new OptinPart
        {
            Type = type,
            Payload = payload,
            Ref = @ref,
            UserRef = userRef,
            Title = title,
            NotificationMessagesToken = token,
            TokenExpiryTimestamp = expiry,
            UserTokenStatus = tokenStatus,
            NotificationMessagesTimezone = timezone,
            NotificationMessagesStatus = status,
        };
    }

    /// <summary>The named property of the object the reader is on, as text (the last occurrence), else null.</summary>
    public static string? Field(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        string? value = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals(name))
            {
                value = reader.ReadText();
            }
            else
            {
                reader.Skip();
            }
        }

        return value;
    }

    // Legacy Messenger stickers arrive as type image with payload.sticker_id (Meta's Messenger Platform webhook events).
    private static string MessageType(AttachmentPart first) =>
        first.Type == "image" && first.StickerId is not null ? "sticker" : first.Type;

    private static ReplyToPart ReplyTo(ref Utf8JsonReader reader)
    {
        string? mid = null, storyId = null, storyUrl = null;
        bool? selfReply = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("mid"u8)) { mid = reader.ReadText(); }
            else if (reader.ValueTextEquals("is_self_reply"u8)) { selfReply = reader.ReadBool(); }
            else if (reader.ValueTextEquals("story"u8))
            {
                storyId = storyUrl = null;
                if (!reader.EnterObject())
                {
                    continue;
                }

                while (reader.NextProperty())
                {
                    if (reader.ValueTextEquals("id"u8)) { storyId = reader.ReadText(); }
                    else if (reader.ValueTextEquals("url"u8)) { storyUrl = reader.ReadText(); }
                    else { reader.Skip(); }
                }
            }
            else { reader.Skip(); }
        }

        return new ReplyToPart { Id = mid, IsSelfReply = selfReply, StoryId = storyId, StoryUrl = storyUrl };
    }

    // The attachments (object items only) and, from the first one with payload.coordinates, the legacy location.
    private static List<AttachmentPart>? Attachments(ref Utf8JsonReader reader, out LocationPart? location)
    {
        location = null;
        if (!reader.EnterArray())
        {
            return null;
        }

        List<AttachmentPart>? list = null;
        while (reader.NextItem())
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            (list ??= []).Add(Attachment(ref reader, out var at));
            location ??= at;
        }

        return list;
    }

    // Fallback attachments may carry url/title beside a null payload. Ids of shared media: reel_video_id (reel,
    // ig_reel), ig_post_media_id (ig_post) [3P]. Legacy location attachments: payload.coordinates { lat, long }, title
    // and url beside the payload.
    private static AttachmentPart Attachment(ref Utf8JsonReader reader, out LocationPart? location)
    {
        string? type = null, url = null, title = null;
        string? payloadUrl = null, attachmentId = null, reelId = null, postId = null, payloadTitle = null, stickerId = null;
        var coordinates = false;
        double? latitude = null, longitude = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("type"u8)) { type = reader.ReadText(); }
            else if (reader.ValueTextEquals("url"u8)) { url = reader.ReadText(); }
            else if (reader.ValueTextEquals("title"u8)) { title = reader.ReadText(); }
            else if (reader.ValueTextEquals("payload"u8))
            {
                payloadUrl = attachmentId = reelId = postId = payloadTitle = stickerId = null;
                coordinates = false;
                if (!reader.EnterObject())
                {
                    continue;
                }

                while (reader.NextProperty())
                {
                    if (reader.ValueTextEquals("url"u8)) { payloadUrl = reader.ReadText(); }
                    else if (reader.ValueTextEquals("attachment_id"u8)) { attachmentId = reader.ReadText(); }
                    else if (reader.ValueTextEquals("reel_video_id"u8)) { reelId = reader.ReadText(); }
                    else if (reader.ValueTextEquals("ig_post_media_id"u8)) { postId = reader.ReadText(); }
                    else if (reader.ValueTextEquals("title"u8)) { payloadTitle = reader.ReadText(); }
                    else if (reader.ValueTextEquals("sticker_id"u8)) { stickerId = reader.ReadText(); }
                    else if (reader.ValueTextEquals("coordinates"u8))
                    {
                        latitude = longitude = null;
                        coordinates = reader.EnterObject();
                        while (coordinates && reader.NextProperty())
                        {
                            if (reader.ValueTextEquals("lat"u8)) { latitude = reader.ReadDouble(); }
                            else if (reader.ValueTextEquals("long"u8)) { longitude = reader.ReadDouble(); }
                            else { reader.Skip(); }
                        }
                    }
                    else { reader.Skip(); }
                }
            }
            else { reader.Skip(); }
        }

        location = coordinates ? new LocationPart { Latitude = latitude, Longitude = longitude, Name = title, Url = url } : null;
        return new AttachmentPart
        {
            Type = type ?? "unknown",
            Url = payloadUrl ?? url,
            MediaId = attachmentId ?? reelId ?? postId,
            Title = payloadTitle ?? title,
            StickerId = stickerId,
        };
    }
}
