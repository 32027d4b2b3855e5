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
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="name"/> is one of the names above.</summary>
    public static bool IsKnown(string? name) => name is not null && Known.Contains(name);
}
