namespace Normalizer.Events;

/// <summary>The dotted event names of the normalized event (schemas/README.md)</summary>
public static class EventName
{
    /// <summary>A user message of any type.</summary>
    public const string MessageReceived = "message.received";
    /// <summary>The business's own message echoed back.</summary>
    public const string MessageEcho = "message.echo";
    /// <summary>A delivery receipt or WhatsApp <c>delivered</c> status.</summary>
    public const string MessageDelivered = "message.delivered";
    /// <summary>A read/seen receipt or WhatsApp <c>read</c> status.</summary>
    public const string MessageRead = "message.read";
    /// <summary>A reaction added or removed.</summary>
    public const string MessageReaction = "message.reaction";
    /// <summary>A message edited by its sender.</summary>
    public const string MessageEdited = "message.edited";
    /// <summary>A message unsent or deleted by its sender.</summary>
    public const string MessageDeleted = "message.deleted";
    /// <summary>WhatsApp status <c>sent</c>.</summary>
    public const string MessageSent = "message.sent";
    /// <summary>WhatsApp status <c>failed</c>.</summary>
    public const string MessageFailed = "message.failed";
    /// <summary>WhatsApp status <c>played</c> (voice message).</summary>
    public const string MessagePlayed = "message.played";
    /// <summary>A postback (button tap).</summary>
    public const string PostbackReceived = "postback.received";
    /// <summary>A referral (ad, link, shop entry point).</summary>
    public const string ReferralReceived = "referral.received";
    /// <summary>An opt-in (including marketing messages resume).</summary>
    public const string OptinReceived = "optin.received";
    /// <summary>An opt-out (marketing messages stop, or a messaging opt-out).</summary>
    public const string OptoutReceived = "optout.received";
    /// <summary>Thread control passed to another app.</summary>
    public const string HandoverPassed = "handover.passed";
    /// <summary>Thread control taken by an app.</summary>
    public const string HandoverTaken = "handover.taken";
    /// <summary>Thread control requested by an app.</summary>
    public const string HandoverRequested = "handover.requested";
    /// <summary>An Instagram comment.</summary>
    public const string CommentReceived = "comment.received";
    /// <summary>An Instagram mention.</summary>
    public const string MentionReceived = "mention.received";
    /// <summary>App roles on the Page changed (handover protocol).</summary>
    public const string HandoverRolesChanged = "handover.roles_changed";
    /// <summary>A comment on a Page post edited.</summary>
    public const string CommentEdited = "comment.edited";
    /// <summary>A comment on a Page post removed.</summary>
    public const string CommentDeleted = "comment.deleted";
    /// <summary>A comment on a Page post hidden.</summary>
    public const string CommentHidden = "comment.hidden";
    /// <summary>A hidden comment on a Page post shown again.</summary>
    public const string CommentUnhidden = "comment.unhidden";
    /// <summary>A post (status, photo, video, share…) published on the Page's feed.</summary>
    public const string PostPublished = "post.published";
    /// <summary>A post on the Page's feed edited.</summary>
    public const string PostEdited = "post.edited";
    /// <summary>A post on the Page's feed removed.</summary>
    public const string PostDeleted = "post.deleted";
    /// <summary>A post on the Page's feed hidden.</summary>
    public const string PostHidden = "post.hidden";
    /// <summary>A hidden post on the Page's feed shown again.</summary>
    public const string PostUnhidden = "post.unhidden";
    /// <summary>A reaction to a Page post or comment added or changed.</summary>
    public const string ReactionReceived = "reaction.received";
    /// <summary>A reaction to a Page post or comment removed.</summary>
    public const string ReactionRemoved = "reaction.removed";
    /// <summary>Another change on the Page's feed.</summary>
    public const string FeedUpdated = "feed.updated";
    /// <summary>A person linked their account (Messenger account linking).</summary>
    public const string AccountLinked = "account.linked";
    /// <summary>A person unlinked their account (Messenger account linking).</summary>
    public const string AccountUnlinked = "account.unlinked";
    /// <summary>A Messenger Platform policy enforcement on the Page: warning, block or unblock.</summary>
    public const string PolicyEnforced = "policy.enforced";
    /// <summary>An Instagram story's metrics (story_insights).</summary>
    public const string InsightsReceived = "insights.received";
    /// <summary>A WhatsApp system message (number changed, identity changed).</summary>
    public const string SystemReceived = "system.received";
    /// <summary>A message synced from the WhatsApp Business app's chat history (Coexistence), not a live one.</summary>
    public const string MessageHistory = "message.history";
    /// <summary>A customer opened a chat with the business for the first time (WhatsApp request_welcome).</summary>
    public const string ConversationStarted = "conversation.started";
    /// <summary>A call connected: a customer calls, or the customer's side answers a business call (WhatsApp Calling API).</summary>
    public const string CallConnected = "call.connected";
    /// <summary>A call ended, completed or failed (WhatsApp Calling API).</summary>
    public const string CallTerminated = "call.terminated";
    /// <summary>A business call's progress: ringing, accepted, rejected (WhatsApp Calling API).</summary>
    public const string CallStatus = "call.status";
    /// <summary>A contact added to or removed from the WhatsApp Business app's address book (Coexistence).</summary>
    public const string ContactSynced = "contact.synced";
    /// <summary>WhatsApp errors not tied to a message.</summary>
    public const string ErrorReceived = "error.received";
    /// <summary>Other business fields (template status, account updates).</summary>
    public const string AccountUpdated = "account.updated";
    /// <summary>A contact relinked to a new scoped ID.</summary>
    public const string IdentityRelinked = "identity.relinked";
    /// <summary>Anything else; the item is kept in <c>raw</c>.</summary>
    public const string UnknownReceived = "unknown.received";

    /// <summary>Every event name, in the order of the normalized event (schemas/README.md)</summary>
    public static readonly IReadOnlyList<string> All =
    [
        MessageReceived, MessageEcho, MessageDelivered, MessageRead, MessageReaction, MessageEdited,
        MessageDeleted, MessageSent, MessageFailed, MessagePlayed, PostbackReceived, ReferralReceived,
        OptinReceived, OptoutReceived, HandoverPassed, HandoverTaken, HandoverRequested, CommentReceived,
        MentionReceived, SystemReceived,
        MessageHistory, ConversationStarted, CallConnected, CallTerminated, CallStatus, ContactSynced,
        ErrorReceived, AccountUpdated, IdentityRelinked, UnknownReceived,
        HandoverRolesChanged, CommentEdited, CommentDeleted, CommentHidden, CommentUnhidden, PostPublished, PostEdited,
        PostDeleted, PostHidden, PostUnhidden, ReactionReceived, ReactionRemoved, FeedUpdated, AccountLinked,
        AccountUnlinked, PolicyEnforced, InsightsReceived,
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="name"/> is one of the names above.</summary>
    public static bool IsKnown(string? name) => name is not null && Known.Contains(name);
}
