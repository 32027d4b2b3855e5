using System.Text.Json;
using Normalizer.Channels.MessengerPlatform;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;

namespace Normalizer.Channels.Instagram;

/// <summary>
/// Instagram <c>changes[]</c>: <c>comments</c> / <c>live_comments</c> (value: id, text, from{id,username},
/// media{id,media_product_type}, parent_id) and <c>mentions</c> (value: media_id, comment_id).
/// A messaging field whose value is a messaging item (sender, recipient…; the App Dashboard's test
/// notifications have this shape [3P]) is parsed as one. Other fields are account updates.
/// </summary>
internal static class InstagramChanges
{
    public static NormalizedEvent Parse(
        JsonElement change, string accountId, long? entryTime, WebhookContext context, MessagingParser messaging)
    {
        var field = change.Str("field"u8);
        if (change.Obj("value"u8) is not { } value || field is null)
        {
            return UnknownEvent.Create(Platform.Instagram, IdType.IgAccountId, accountId, change, context, entryTime, "changes");
        }

        if (field.StartsWith("messag", StringComparison.Ordinal) && value.Obj("sender"u8) is not null)
        {
            return messaging.Parse(value, accountId, entryTime, standby: false, context);
        }

        return field switch
        {
            "comments" or "live_comments" => Comment(field, value, accountId, entryTime, context),
            "mentions" => Mention(value, accountId, entryTime, context),
            _ => AccountChange.Create(Platform.Instagram, IdType.IgAccountId, accountId, change, entryTime, context),
        };
    }

    private static NormalizedEvent Comment(string field, JsonElement value, string accountId, long? time, WebhookContext context)
    {
        var from = value.Obj("from"u8);
        var user = from?.Str("id"u8);
        var media = value.Obj("media"u8);
        var comment = new CommentPart
        {
            Id = value.Str("id"u8),
            Field = field,
            Text = value.Str("text"u8),
            ParentId = value.Str("parent_id"u8),
            MediaId = media?.Str("id"u8),
            MediaProductType = media?.Str("media_product_type"u8),
            Username = from?.Str("username"u8),
        };
        var key = comment.Id is { } id ? $"comment:{id}" : "comment:" + ContentKey.Of(value);
        return Build(EventName.CommentReceived, key, value, user, accountId, time, context) with { Comment = comment };
    }

    private static NormalizedEvent Mention(JsonElement value, string accountId, long? time, WebhookContext context)
    {
        var comment = new CommentPart
        {
            Id = value.Str("comment_id"u8),
            Field = "mentions",
            MediaId = value.Str("media_id"u8),
        };
        return Build(EventName.MentionReceived, $"mention:{comment.MediaId}:{comment.Id}", value, null, accountId, time, context)
            with { Comment = comment };
    }

    private static NormalizedEvent Build(
        string name, string key, JsonElement value, string? user, string accountId, long? time, WebhookContext context)
    {
        var (seconds, ms) = time is { } t ? Timestamps.Split(t) : (context.ReceivedAt.ToUnixTimeSeconds(), null);
        return new NormalizedEvent
        {
            Id = EventIds.Event(Platform.Instagram, accountId, key),
            Platform = Platform.Instagram,
            Event = name,
            Timestamp = seconds,
            TimestampMs = ms,
            ReceivedAt = context.ReceivedAt,
            From = user,
            FromType = user is null ? null : IdType.Igsid,
            To = accountId,
            ToType = IdType.IgAccountId,
            PageId = accountId,
            PageIdType = IdType.IgAccountId,
            UserId = user,
            UserIdType = user is null ? null : IdType.Igsid,
            ConversationId = user is null ? null : EventIds.Conversation(Platform.Instagram, accountId, user),
            SignatureVerified = context.SignatureVerified,
            Standby = false,
            Raw = context.Raw(value),
        };
    }
}
