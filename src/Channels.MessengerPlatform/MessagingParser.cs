using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Channels.MessengerPlatform;

/// <summary>
/// Parses the Messenger Platform's <c>messaging[]</c> / <c>standby[]</c> items, which Messenger and
/// Instagram share (Meta's webhook sender/recipient rules). The channel decides which ID types its users and business have.
/// </summary>
/// <param name="platform">The channel's platform.</param>
/// <param name="businessType">PAGE_ID for Messenger, IG_ACCOUNT_ID for Instagram.</param>
/// <param name="userType">PSID for Messenger, IGSID for Instagram.</param>
/// <param name="userRefType">
/// The type of a sender known only by <c>user_ref</c> (Messenger's chat plugin and checkbox plugin), or null where the
/// channel has none: such an item is then <c>unknown.received</c>.
/// </param>
public sealed class MessagingParser(Platform platform, IdType businessType, IdType userType, IdType? userRefType = null)
{
    /// <summary>The channel's platform.</summary>
    public Platform Platform => platform;

    /// <summary>The type of the channel's business IDs (<c>page_id</c>).</summary>
    public IdType BusinessType => businessType;

    /// <summary>The type of the channel's customer IDs (PSID, IGSID).</summary>
    public IdType UserType => userType;

    /// <summary>
    /// Normalizes the messaging item <paramref name="reader"/> (a reader over <see cref="WebhookContext.Body"/>) is on,
    /// of the entry of <paramref name="pageId"/>, leaving the reader on the item's end. An item of no known kind, or one
    /// whose customer cannot be told (no sender id, no user_ref), becomes <c>unknown.received</c>; nothing throws.
    /// </summary>
    public NormalizedEvent Parse(ref Utf8JsonReader reader, string pageId, long? entryTime, bool standby, WebhookContext context)
    {
        var start = (int)reader.TokenStartIndex;
        var item = MessagingKinds.Read(ref reader, pageId);
        var bytes = context.Body[start..(int)reader.BytesConsumed];
        var parsed = MessagingKinds.Parse(item, bytes.Span);
        var (sender, recipient) = (item.Sender, item.Recipient);

        // Trust is_echo, not the order of sender/recipient (Meta's webhook sender/recipient rules); only when the ids are plainly
        // swapped (an older doc example: recipient = the Page) is the sender taken as the customer.
        var outbound = parsed.Name == EventName.MessageEcho && !(recipient == pageId && sender != pageId);
        var user = outbound ? recipient : sender;
        var senderType = userType;
        // Chat-plugin guests and checkbox opt-ins carry sender.user_ref (or only optin.user_ref) instead of a PSID: the
        // user_ref is then who they are, with an ID type of its own.
        if (user is null && !outbound && userRefType is { } refType && (item.SenderUserRef ?? item.Optin?.UserRef) is { } userRef)
        {
            (sender, user, senderType) = (userRef, userRef, refType);
        }

        var time = Timestamps.Choose(item.Timestamp, entryTime, item.Delivery?.Watermark ?? item.Read?.Watermark, context.ReceivedAt);
        // A Page-level item (policy enforcement, app roles) concerns no person: it has no user, whatever it says.
        user = parsed.PageLevel ? null : user;
        if (parsed.Name is null || (user is null && !parsed.PageLevel))
        {
            using var document = JsonDocument.Parse(bytes);
            return UnknownEvent.Create(platform, businessType, pageId, document.RootElement, context, null) with
            {
                Timestamp = time.Seconds, TimestampMs = time.Milliseconds, TimestampSource = time.Source, Standby = standby,
            };
        }

        return new NormalizedEvent
        {
            Id = EventIds.Event(platform, pageId, parsed.KeyPrefix, parsed.Key),
            Platform = platform,
            Event = parsed.Name,
            Timestamp = time.Seconds,
            TimestampMs = time.Milliseconds,
            TimestampSource = time.Source,
            ReceivedAt = context.ReceivedAt,
            From = sender,
            FromType = sender is null ? null : outbound ? businessType : senderType,
            To = recipient,
            ToType = recipient is null ? null : outbound ? userType : businessType,
            PageId = pageId,
            PageIdType = businessType,
            UserId = user,
            UserIdType = user is null ? null : senderType,
            ConversationId = user is null ? null : EventIds.Conversation(platform, pageId, user),
            Message = parsed.Message,
            Postback = parsed.Postback,
            Reaction = parsed.Reaction,
            Read = parsed.Read,
            Delivery = parsed.Delivery,
            Optin = parsed.Name == EventName.OptinReceived ? parsed.Optin : null,
            Optout = parsed.Name == EventName.OptoutReceived ? parsed.Optin : null,
            Referral = parsed.Referral,
            Handover = parsed.Handover,
            AccountLinking = parsed.AccountLinking,
            Policy = parsed.Policy,
            SignatureVerified = context.SignatureVerified,
            Standby = standby,
            Raw = RawJson.Of(bytes),
        };
    }

    /// <summary>
    /// Normalizes a messaging item found as an element (the value of an Instagram <c>changes[]</c> item of the
    /// messaging shape); see <see cref="Parse(ref Utf8JsonReader, string, long?, bool, WebhookContext)"/>.
    /// </summary>
    public NormalizedEvent Parse(JsonElement item, string pageId, long? entryTime, bool standby, WebhookContext context)
    {
        var bytes = context.Bytes(item);
        var reader = new Utf8JsonReader(bytes.Span);
        reader.Read();
        return Parse(ref reader, pageId, entryTime, standby, context with { Body = bytes });
    }
}
