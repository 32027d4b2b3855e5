using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;

namespace Normalizer.Channels.Messaging;

/// <summary>
/// Parses the Messenger Platform's <c>messaging[]</c> / <c>standby[]</c> items, which Messenger and
/// Instagram share (Meta's webhook sender/recipient rules). The channel decides which ID types its users and business have.
/// </summary>
/// <param name="platform">The channel's platform.</param>
/// <param name="userType">PSID for Messenger, IGSID for Instagram.</param>
public sealed class MessagingParser(Platform platform, IdType userType)
{
    private readonly IdType _businessType = IdTypes.BusinessType(platform);

    /// <summary>
    /// Normalizes one messaging item of the entry of <paramref name="pageId"/>. An item of no known kind, or one
    /// whose customer cannot be told (no sender id, no user_ref), becomes <c>unknown.received</c>; nothing throws.
    /// </summary>
    public NormalizedEvent Parse(JsonElement item, string pageId, long? entryTime, bool standby, WebhookContext context)
    {
        var senderObject = item.Obj("sender"u8);
        var sender = senderObject?.Str("id"u8, pageId);
        var recipient = item.Obj("recipient"u8)?.Str("id"u8, pageId);
        // Chat-plugin guests and checkbox opt-ins carry sender.user_ref (or optin.user_ref) instead of a PSID.
        var senderUserRef = senderObject?.Str("user_ref"u8);
        var itemTime = item.Long("timestamp"u8);
        var metaTime = itemTime ?? entryTime;
        var parsed = MessagingKinds.Parse(item, sender, senderUserRef, itemTime);

        // Trust is_echo, not the order of sender/recipient (Meta's webhook sender/recipient rules); only when the ids are plainly
        // swapped (an older doc example: recipient = the Page) is the sender taken as the customer.
        var outbound = parsed.Name == EventName.MessageEcho && !(recipient == pageId && sender != pageId);
        var user = outbound ? recipient : sender;
        if (parsed.Name is null || (user is null && (senderUserRef ?? item.Obj("optin"u8)?.Str("user_ref"u8)) is null))
        {
            return UnknownEvent.Create(platform, pageId, item, context, metaTime) with { Standby = standby };
        }

        var (seconds, ms) = metaTime is { } t ? Timestamps.Split(t) : (context.ReceivedAt.ToUnixTimeSeconds(), null);
        return new NormalizedEvent
        {
            Id = EventIds.Event(platform, pageId, parsed.KeyPrefix, parsed.Key),
            Platform = platform,
            Event = parsed.Name,
            Timestamp = seconds,
            TimestampMs = ms,
            ReceivedAt = context.ReceivedAt,
            From = sender,
            FromType = sender is null ? null : outbound ? _businessType : userType,
            To = recipient,
            ToType = recipient is null ? null : outbound ? userType : _businessType,
            PageId = pageId,
            PageIdType = _businessType,
            UserId = user,
            UserIdType = user is null ? null : userType,
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
            Account = parsed.Account,
            SignatureVerified = context.SignatureVerified,
            Standby = standby,
            Raw = context.Raw(item),
        };
    }
}
