using System.Text.Json;
using Normalizer.Channels.MessengerPlatform;
using Normalizer.Events;
using Normalizer.Json;

namespace Normalizer.Channels.Messenger;

/// <summary>
/// Page <c>feed</c> changes (Meta's Webhooks reference, Page topic, <c>feed</c> field): value { item, verb, post_id,
/// comment_id, parent_id, from{id,name}, message, reaction_type, created_time, published, photo, link, video_id }; older
/// Graph versions name the author sender_id / sender_name instead of from [3P: restfb fixtures]. The item and verb name
/// the event; the author is the Page itself (its id is the Page id) or a person, whom the Pages API identifies by PSID
/// since 2018 (Meta's Page-Scoped ID API notes). A Page like names its liker only by a legacy user_id, kept in raw.
/// </summary>
internal static class FeedChanges
{
    /// <summary>The event of the <c>feed</c> change <paramref name="value"/> of the Page <paramref name="pageId"/>.</summary>
    public static NormalizedEvent Parse(JsonElement value, string pageId, long? entryTime, WebhookContext context, MessagingParser messaging)
    {
        var from = value.Obj("from"u8);
        var feed = new FeedPart
        {
            Item = value.Str("item"u8) ?? "",
            Verb = value.Str("verb"u8),
            PostId = value.Str("post_id"u8),
            CommentId = value.Str("comment_id"u8),
            ParentId = value.Str("parent_id"u8),
            Message = value.Str("message"u8),
            ReactionType = value.Str("reaction_type"u8),
            AuthorName = from?.Str("name"u8) ?? value.Str("sender_name"u8),
            CreatedTime = value.Long("created_time"u8),
            Published = value.Long("published"u8) is { } published ? published != 0 : null,
            Link = value.Str("photo"u8) ?? value.Str("link"u8),
            VideoId = value.Str("video_id"u8),
        };
        var name = Name(feed.Item == "like" && feed.PostId is not null ? "reaction" : feed.Item, feed.Verb);
        var author = from?.Str("id"u8, pageId) ?? value.Str("sender_id"u8, pageId);
        // A comment's id is Meta's identity of its creation; every other change is told apart by what changed, on what,
        // by whom and when (an edit's created_time is the edit's).
        var key = name == EventName.CommentReceived && feed.CommentId is { } comment
            ? $"comment:{comment}"
            : $"feed:{feed.Item}:{feed.Verb}:{feed.PostId}:{feed.CommentId}:{author}:{feed.ReactionType}:{feed.CreatedTime}";
        var evt = ChangeEvent.Create(messaging, name, key, value, author, pageId, feed.CreatedTime, entryTime, context) with { Feed = feed };
        return feed.Item == "comment"
            ? evt with
            {
                Comment = new CommentPart
                {
                    Id = feed.CommentId, Field = "feed", Text = feed.Message, ParentId = feed.ParentId, PostId = feed.PostId,
                },
            }
            : evt;
    }

    // Verbs as Meta writes them: add, edited (posts, comments) or edit (reactions), remove, hide, unhide… A like on a post
    // or comment (item like, older Graph versions) is a reaction.
    private static string Name(string item, string? verb) => (Kind(item), verb) switch
    {
        (Item.Comment, "add") => EventName.CommentReceived,
        (Item.Comment, "edited" or "edit") => EventName.CommentEdited,
        (Item.Comment, "remove" or "delete") => EventName.CommentDeleted,
        (Item.Comment, "hide") => EventName.CommentHidden,
        (Item.Comment, "unhide") => EventName.CommentUnhidden,
        (Item.Post, "add") => EventName.PostPublished,
        (Item.Post, "edited" or "edit" or "update") => EventName.PostEdited,
        (Item.Post, "remove" or "delete") => EventName.PostDeleted,
        (Item.Post, "hide") => EventName.PostHidden,
        (Item.Post, "unhide") => EventName.PostUnhidden,
        (Item.Reaction, "add" or "edit" or "edited") => EventName.ReactionReceived,
        (Item.Reaction, "remove") => EventName.ReactionRemoved,
        _ => EventName.FeedUpdated,
    };

    private static Item Kind(string item) => item switch
    {
        "comment" => Item.Comment,
        "status" or "post" or "photo" or "video" or "share" or "link" or "album" or "note" => Item.Post,
        "reaction" => Item.Reaction,
        _ => Item.Other,
    };

    private enum Item
    {
        Other,
        Comment,
        Post,
        Reaction,
    }
}
