using System.Text.Json;
using Normalizer.Channels.MessengerPlatform;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;

namespace Normalizer.Channels.Instagram;

/// <summary>
/// Instagram <c>changes[]</c>: <c>comments</c> / <c>live_comments</c> (value: id, text, from{id,username},
/// media{id,media_product_type}, parent_id), <c>mentions</c> (value: media_id, comment_id) and <c>story_insights</c>
/// (value: media_id and the story's metrics). A messaging field whose value is a messaging item (sender and recipient, or
/// only a recipient; the App Dashboard's test notifications have this shape [3P]) is parsed as one. Other fields are
/// account updates.
/// </summary>
internal static class InstagramChanges
{
    public static NormalizedEvent Parse(
        JsonElement change, string accountId, long? entryTime, WebhookContext context, MessagingParser messaging)
    {
        var field = change.Str("field"u8);
        var value = change.Obj("value"u8);
        // A field read here whose value is no object is of a shape we do not know; another field is the account's, whatever
        // its value: a named account update, the change in raw.
        if (field is null || (value is null && (Known(field) || field.StartsWith("messag", StringComparison.Ordinal))))
        {
            return UnknownEvent.Create(Platform.Instagram, IdType.IgAccountId, accountId, change, context, entryTime, "changes");
        }

        if (value is not { } item)
        {
            return AccountChange.Create(Platform.Instagram, IdType.IgAccountId, accountId, change, entryTime, context);
        }

        // A Page-level messaging item (policy enforcement) has a recipient and no sender.
        if (field.StartsWith("messag", StringComparison.Ordinal) && (item.Obj("sender"u8) ?? item.Obj("recipient"u8)) is not null)
        {
            return messaging.Parse(item, accountId, entryTime, standby: false, context);
        }

        return field switch
        {
            "comments" or "live_comments" => Comment(field, item, accountId, entryTime, context, messaging),
            "mentions" => Mention(item, accountId, entryTime, context, messaging),
            "story_insights" => StoryInsights(field, item, accountId, entryTime, context, messaging),
            _ => AccountChange.Create(Platform.Instagram, IdType.IgAccountId, accountId, change, entryTime, context),
        };
    }

    private static bool Known(string field) => field is "comments" or "live_comments" or "mentions" or "story_insights";

    // from.id is the commenter's IGSID, or the account's own id when the business commented (its replies); Meta then
    // adds from.self_ig_scoped_id, which is not a customer and is left in raw.
    private static NormalizedEvent Comment(string field, JsonElement value, string accountId, long? time, WebhookContext context,
        MessagingParser messaging)
    {
        var from = value.Obj("from"u8);
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
        return ChangeEvent.Create(messaging, EventName.CommentReceived, key, value, from?.Str("id"u8, accountId), accountId, null, time,
            context) with { Comment = comment };
    }

    private static NormalizedEvent Mention(JsonElement value, string accountId, long? time, WebhookContext context, MessagingParser messaging)
    {
        var comment = new CommentPart
        {
            Id = value.Str("comment_id"u8),
            Field = "mentions",
            MediaId = value.Str("media_id"u8),
        };
        return ChangeEvent.Create(messaging, EventName.MentionReceived, $"mention:{comment.MediaId}:{comment.Id}", value, null, accountId,
            null, time, context) with { Comment = comment };
    }

    // Sent once when a story expires, with its final metrics (Meta's Webhooks for Instagram: story_insights).
    private static NormalizedEvent StoryInsights(string field, JsonElement value, string accountId, long? time, WebhookContext context,
        MessagingParser messaging)
    {
        var insights = new InsightsPart
        {
            Field = field,
            MediaId = value.Str("media_id"u8),
            Impressions = value.Long("impressions"u8),
            Reach = value.Long("reach"u8),
            TapsForward = value.Long("taps_forward"u8),
            TapsBack = value.Long("taps_back"u8),
            Exits = value.Long("exits"u8),
            Replies = value.Long("replies"u8),
        };
        var key = insights.MediaId is { } media ? $"story_insights:{media}" : "story_insights:" + ContentKey.Of(value);
        return ChangeEvent.Create(messaging, EventName.InsightsReceived, key, value, null, accountId, null, time, context)
            with { Insights = insights };
    }
}
