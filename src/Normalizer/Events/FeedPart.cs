using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>
/// A change on a Facebook Page's feed (<c>feed</c> field of <c>object: page</c>): what changed (<c>item</c>), how
/// (<c>verb</c>), the post and comment it concerns and what the author wrote. Members are present when Meta sends them.
/// </summary>
public sealed record FeedPart
{
    /// <summary>What changed: comment, reaction, status, post, photo, video, share, like…</summary>
    [Description("What changed, as Meta names it (item): comment, reaction, status, post, photo, video, share, like…")]
    public required string Item { get; init; }

    /// <summary>How it changed: add, edited, edit, remove, hide, unhide…</summary>
    [Description("How it changed, as Meta names it (verb): add, edited, edit, remove, hide, unhide…")]
    public string? Verb { get; init; }

    /// <summary>The post (PAGEID_POSTID).</summary>
    [Description("The post the change is on or about (post_id, PAGEID_POSTID).")]
    public string? PostId { get; init; }

    /// <summary>The comment (comment_id).</summary>
    [Description("The comment the change is or is on (comment_id).")]
    public string? CommentId { get; init; }

    /// <summary>What the comment or reaction is on (parent_id): the post for a top-level comment, a comment for a reply.</summary>
    [Description("What the comment or reaction is on (parent_id): the post for a top-level comment, the comment replied to for a reply.")]
    public string? ParentId { get; init; }

    /// <summary>The text of the post or comment (message).</summary>
    [Description("The text of the post or comment (message).")]
    public string? Message { get; init; }

    /// <summary>Reactions: like, love, haha, wow, sad, angry, care.</summary>
    [Description("Reactions: the reaction (reaction_type: like, love, haha, wow, sad, angry, care).")]
    public string? ReactionType { get; init; }

    /// <summary>The author's display name (from.name), where Meta gives it.</summary>
    [Description("The author's display name (from.name), where Meta gives it.")]
    public string? AuthorName { get; init; }

    /// <summary>When Meta says the change happened (created_time), Unix seconds.</summary>
    [Description("When Meta says the change happened (created_time), Unix seconds.")]
    public long? CreatedTime { get; init; }

    /// <summary>Whether the post is published (published: 1 or 0).</summary>
    [Description("Whether the post is published (published: 1 or 0).")]
    public bool? Published { get; init; }

    /// <summary>A photo's URL (photo) or a shared link (link).</summary>
    [Description("A photo's URL (photo) or, for a share, the link shared (link).")]
    public string? Link { get; init; }

    /// <summary>A video's id (video_id).</summary>
    [Description("A video's id (video_id).")]
    public string? VideoId { get; init; }
}
