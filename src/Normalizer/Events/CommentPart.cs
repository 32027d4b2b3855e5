using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>An Instagram comment or mention, or a comment on a Facebook Page's post.</summary>
public sealed record CommentPart
{
    /// <summary>Comment id.</summary>
    [Description("Comment id.")]
    public string? Id { get; init; }

    /// <summary>The change field: comments, live_comments, mentions (Instagram) or feed (Facebook Page).</summary>
    [Description("The change field: comments, live_comments, mentions (Instagram) or feed (Facebook Page).")]
    public required string Field { get; init; }

    /// <summary>Comment text.</summary>
    [Description("Comment text.")]
    public string? Text { get; init; }

    /// <summary>Parent comment id for a reply.</summary>
    [Description("Parent comment id for a reply.")]
    public string? ParentId { get; init; }

    /// <summary>Media (post, reel, story) the comment is on.</summary>
    [Description("Media (post, reel, story) the comment is on.")]
    public string? MediaId { get; init; }

    /// <summary>FEED, REELS, STORY, AD…</summary>
    [Description("FEED, REELS, STORY, AD…")]
    public string? MediaProductType { get; init; }

    /// <summary>Username of the commenter.</summary>
    [Description("Username of the commenter.")]
    public string? Username { get; init; }

    /// <summary>Facebook Page comments: the post the comment is on (post_id).</summary>
    [Description("Facebook Page comments: the post the comment is on (post_id).")]
    public string? PostId { get; init; }
}
