using System.ComponentModel;
using System.Text.Json.Serialization;
using Normalizer.Ids;

namespace Normalizer.Events;

/// <summary>One normalized update (schemas/README.md: the normalized event). Every ID is a string with a type tag beside it.</summary>
public sealed record NormalizedEvent
{
    /// <summary>Deterministic event id derived from the dedup key.</summary>
    [Description("Deterministic event id (evt_…), derived from the platform's own identity of the update; a redelivered update has the same id.")]
    public required string Id { get; init; }

    /// <summary>The channel.</summary>
    [Description("Channel: facebook (Messenger), instagram or whatsapp.")]
    public required Platform Platform { get; init; }

    /// <summary>The dotted event name (<see cref="EventName"/>).</summary>
    [Description("Dotted event name, e.g. message.received, message.echo, message.delivered.")]
    public required string Event { get; init; }

    /// <summary>When the platform says the update happened, Unix seconds.</summary>
    [Description("When the platform says the update happened, Unix seconds.")]
    public required long Timestamp { get; init; }

    /// <summary>The same in milliseconds, where the platform gives them.</summary>
    [Description("When the platform says the update happened, Unix milliseconds; absent where the platform gives only seconds (WhatsApp).")]
    public long? TimestampMs { get; init; }

    /// <summary>Where <see cref="Timestamp"/> came from when the update's own time was missing or implausible.</summary>
    [Description("Present only when the update's own time was missing or implausible (Meta sends \"timestamp\": 0 on some " +
        "items) and another was used instead: entry (the entry's time), watermark (the receipt's watermark) or received_at " +
        "(when Normalizer received the webhook).")]
    public string? TimestampSource { get; init; }

    /// <summary>When Normalizer received the webhook.</summary>
    [Description("RFC 3339 UTC time Normalizer received the webhook.")]
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The sender's ID as Meta reports it.</summary>
    [Description("Sender's ID exactly as Meta reports it (a string, never a number). Absent when the update has no sender.")]
    public string? From { get; init; }

    /// <summary>Type tag of <see cref="From"/>.</summary>
    [Description("Type tag of from.")]
    public IdType? FromType { get; init; }

    /// <summary>The recipient's ID.</summary>
    [Description("Recipient's ID exactly as Meta reports it. Absent when the update has no recipient.")]
    public string? To { get; init; }

    /// <summary>Type tag of <see cref="To"/>.</summary>
    [Description("Type tag of to.")]
    public IdType? ToType { get; init; }

    /// <summary>
    /// The business side: Page ID, Instagram account ID or WhatsApp phone_number_id; for WhatsApp business-level changes that
    /// name no number, the WhatsApp Business Account id (<c>entry[].id</c>).
    /// </summary>
    [Description("The business side: Facebook Page ID, Instagram professional account ID, or WhatsApp phone_number_id; for WhatsApp business-level changes that name no number, the WhatsApp Business Account id (entry[].id).")]
    public required string PageId { get; init; }

    /// <summary>Type tag of <see cref="PageId"/>.</summary>
    [Description("Type tag of page_id: PAGE_ID, IG_ACCOUNT_ID, PHONE_NUMBER_ID or WABA_ID (WhatsApp changes that name no phone number).")]
    public required IdType PageIdType { get; init; }

    /// <summary>The customer's scoped ID (from for inbound, to for echoes and statuses).</summary>
    [Description("The customer's scoped ID: equals from for inbound updates, to for echoes and statuses. Absent when no customer is involved (account updates).")]
    public string? UserId { get; init; }

    /// <summary>Type tag of <see cref="UserId"/>.</summary>
    [Description("Type tag of user_id: PSID, USER_REF, IGSID, WA_ID or WA_BSUID.")]
    public IdType? UserIdType { get; init; }

    /// <summary>Deterministic conversation id from (platform, page_id, user_id).</summary>
    [Description("Deterministic conversation id (conv_…) from (platform, page_id, user_id). Absent when user_id is absent.")]
    public string? ConversationId { get; init; }

    /// <summary>The message, for message events.</summary>
    [Description("The message (for message.received, message.echo, message.edited, message.deleted, message.history).")]
    public MessagePart? Message { get; init; }

    /// <summary>The postback.</summary>
    [Description("The postback (postback.received).")]
    public PostbackPart? Postback { get; init; }

    /// <summary>The reaction.</summary>
    [Description("The reaction (message.reaction).")]
    public ReactionPart? Reaction { get; init; }

    /// <summary>The read receipt.</summary>
    [Description("The read receipt (message.read on Messenger and Instagram).")]
    public ReadPart? Read { get; init; }

    /// <summary>The delivery receipt.</summary>
    [Description("The delivery receipt (message.delivered on Messenger).")]
    public DeliveryPart? Delivery { get; init; }

    /// <summary>The WhatsApp message status.</summary>
    [Description("The WhatsApp message status (message.sent, message.delivered, message.read, message.failed, message.played).")]
    public StatusPart? Status { get; init; }

    /// <summary>The opt-in.</summary>
    [Description("The opt-in (optin.received).")]
    public OptinPart? Optin { get; init; }

    /// <summary>The opt-out.</summary>
    [Description("The opt-out (optout.received), e.g. marketing messages STOP_NOTIFICATIONS.")]
    public OptinPart? Optout { get; init; }

    /// <summary>The referral.</summary>
    [Description("The referral (referral.received).")]
    public ReferralPart? Referral { get; init; }

    /// <summary>The handover.</summary>
    [Description("The handover protocol change (handover.passed, handover.taken, handover.requested, handover.roles_changed).")]
    public HandoverPart? Handover { get; init; }

    /// <summary>The Instagram comment or mention.</summary>
    [Description("The comment or mention: Instagram comments and mentions (comment.received, mention.received), comments on a Facebook Page's posts (comment.received, comment.edited, comment.deleted, comment.hidden, comment.unhidden).")]
    public CommentPart? Comment { get; init; }

    /// <summary>The WhatsApp system message.</summary>
    [Description("The WhatsApp system message (system.received).")]
    public SystemPart? System { get; init; }

    /// <summary>Where a synced history message sits in the sync, and its last status.</summary>
    [Description("A message synced from the WhatsApp Business app's chat history (message.history): the sync's phase, chunk and progress, and the message's last delivery status.")]
    public HistoryPart? History { get; init; }

    /// <summary>The WhatsApp call.</summary>
    [Description("The WhatsApp call (call.connected, call.terminated, call.status).")]
    public CallPart? Call { get; init; }

    /// <summary>The WhatsApp Business app address book entry.</summary>
    [Description("The contact added to or removed from the WhatsApp Business app's address book (contact.synced).")]
    public ContactSyncPart? ContactSync { get; init; }

    /// <summary>Errors not tied to a message.</summary>
    [Description("Errors reported at the change level (error.received).")]
    public IReadOnlyList<MetaErrorPart>? Errors { get; init; }

    /// <summary>The business field that changed.</summary>
    [Description("The business field that changed (account.updated).")]
    public AccountPart? Account { get; init; }

    /// <summary>What the webhook said about the customer.</summary>
    [Description("What the webhook said about the customer: WhatsApp wa_id, BSUID, profile name and username.")]
    public ContactPart? Contact { get; init; }

    /// <summary>The Page feed change.</summary>
    [Description("The Page feed change (comment.*, post.*, reaction.received, reaction.removed, feed.updated on Messenger's object page): item, verb, post and comment ids, text.")]
    public FeedPart? Feed { get; init; }

    /// <summary>The account linking update.</summary>
    [Description("The account linking update (account.linked, account.unlinked), with the app's pass-through authorization code when linked.")]
    public AccountLinkingPart? AccountLinking { get; init; }

    /// <summary>The policy enforcement on the Page.</summary>
    [Description("The Messenger Platform policy enforcement on the Page (policy.enforced): action and reason.")]
    public PolicyPart? Policy { get; init; }

    /// <summary>The Instagram story's metrics.</summary>
    [Description("The Instagram story's metrics (insights.received).")]
    public InsightsPart? Insights { get; init; }

    /// <summary>Whether X-Hub-Signature-256 matched an app secret.</summary>
    [Description("The webhook's X-Hub-Signature-256 matched a configured app secret.")]
    public required bool SignatureVerified { get; init; }

    /// <summary>Whether the update came on the standby channel.</summary>
    [Description("Delivered on the standby channel (another app owns the thread).")]
    public required bool Standby { get; init; }

    /// <summary>The original item.</summary>
    [Description("The original item: a messaging item, a WhatsApp message/status object, or a change value.")]
    public required RawJson Raw { get; init; }

    /// <summary>
    /// The customer's contact (the one of <see cref="UserId"/> on <see cref="PageId"/>), filled when the event is read from the
    /// store; null when the event has no customer, or was never stored (the <c>normalize</c> command).
    /// </summary>
    [Description("Id of the customer's contact: the contact of user_id on page_id (GET /v1/contacts/{id}). Absent when the " +
        "event has no customer (account updates) or was not stored (the normalize command).")]
    public string? ContactId { get; init; }

    /// <summary>
    /// The person of <see cref="ContactId"/> when the event is read (listed, streamed or delivered), not when it was stored:
    /// after two persons merge, every event of either shows the surviving one.
    /// </summary>
    [Description("Id of the person the contact belongs to (GET /v1/persons/{id}), as of when the event is read or delivered, " +
        "not when it was stored: once two persons are merged (an explicit link, or Meta's ID matching), earlier events of " +
        "either show the surviving person too. Absent when contact_id is.")]
    public string? PersonId { get; init; }

    /// <summary>The sender as a tagged ID, where there is one.</summary>
    [JsonIgnore]
    public TaggedId? FromId => From is null || FromType is null ? null : new TaggedId(FromType.Value, From);

    /// <summary>The customer as a tagged ID, where there is one.</summary>
    [JsonIgnore]
    public TaggedId? User => UserId is null || UserIdType is null ? null : new TaggedId(UserIdType.Value, UserId);
}
