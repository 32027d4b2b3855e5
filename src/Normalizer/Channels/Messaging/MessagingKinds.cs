using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;

namespace Normalizer.Channels.Messaging;

/// <summary>
/// Recognizes the kind of a <c>messaging[]</c> item by its payload key (Meta's Messenger Platform webhook events) and builds its part
/// and dedup key. Keys use Meta's own ids (mid) where the item has one, else sender + timestamp + content.
/// </summary>
internal static class MessagingKinds
{
    private static readonly (string Field, byte[] Utf8, string Name)[] Handovers =
    [
        ("pass_thread_control", "pass_thread_control"u8.ToArray(), EventName.HandoverPassed),
        ("take_thread_control", "take_thread_control"u8.ToArray(), EventName.HandoverTaken),
        ("request_thread_control", "request_thread_control"u8.ToArray(), EventName.HandoverRequested),
    ];

    /// <param name="item">The messaging item.</param>
    /// <param name="senderId">sender.id.</param>
    /// <param name="senderUserRef">sender.user_ref: chat-plugin guests and checkbox opt-ins have no PSID yet.</param>
    /// <param name="at">The item's own timestamp (not the entry's), part of the keys of items without an id.</param>
    public static ParsedItem Parse(JsonElement item, string? senderId, string? senderUserRef, long? at)
    {
        var sender = senderId ?? senderUserRef;
        if (item.Obj("message"u8) is { } message)
        {
            return Message(message);
        }

        if (item.Obj("message_edit"u8) is { } edit)
        {
            // message_edits: { mid, text, num_edit } (Messenger message_edits reference; IG message_edit field).
            var mid = edit.Str("mid"u8) ?? "";
            var count = edit.Long("num_edit"u8);
            return new(EventName.MessageEdited, $"edit:{mid}:{count}:{at}")
            {
                Message = new MessagePart { Id = mid, Type = "edit", Body = edit.Str("text"u8), EditCount = count, IsEcho = false },
            };
        }

        if (item.Obj("reaction"u8) is { } reaction)
        {
            // message_reactions: an unreact may omit reaction and emoji.
            var part = new ReactionPart
            {
                MessageId = reaction.Str("mid"u8),
                Action = reaction.Str("action"u8) ?? "react",
                Reaction = reaction.Str("reaction"u8),
                Emoji = reaction.Str("emoji"u8),
            };
            return new(EventName.MessageReaction,
                $"reaction:{part.MessageId}:{sender}:{part.Action}:{part.Reaction}:{part.Emoji}:{at}") { Reaction = part };
        }

        if (item.Obj("delivery"u8) is { } delivery)
        {
            // mids[] may be absent; the watermark alone then identifies the receipt.
            var mids = delivery.Items("mids"u8).Select(m => m.AsText()).OfType<string>().ToArray();
            var part = new DeliveryPart { Watermark = delivery.Long("watermark"u8), MessageIds = mids.Length == 0 ? null : mids };
            return new(EventName.MessageDelivered, $"delivery:{sender}:{part.Watermark}:{string.Join(',', mids)}") { Delivery = part };
        }

        if (item.Obj("read"u8) is { } read)
        {
            // Messenger message_reads: { watermark }; Instagram messaging_seen: { mid }.
            var part = new ReadPart { Watermark = read.Long("watermark"u8), MessageId = read.Str("mid"u8) };
            return new(EventName.MessageRead, $"read:{sender}:{part.Watermark}:{part.MessageId}") { Read = part };
        }

        if (item.Obj("postback"u8) is { } postback)
        {
            return Postback(postback, sender, at);
        }

        if (item.Obj("referral"u8) is { } referral)
        {
            var part = MessagingParts.Referral(referral);
            return new(EventName.ReferralReceived, $"referral:{sender}:{at}:{part.Ref}:{part.AdId}") { Referral = part };
        }

        if (item.Obj("optin"u8) is { } optin)
        {
            var part = MessagingParts.Optin(optin, senderUserRef);
            // Marketing messages stop/resume arrive as opt-ins (Meta's Messenger Platform webhook events): STOP is an opt-out.
            var name = part.NotificationMessagesStatus == "STOP_NOTIFICATIONS" ? EventName.OptoutReceived : EventName.OptinReceived;
            return new(name, $"optin:{sender ?? part.UserRef}:{at}:{part.Type}:{part.NotificationMessagesStatus}:{part.Ref}") { Optin = part };
        }

        if (item.Obj("optout"u8) is { } optout)
        {
            var part = MessagingParts.Optin(optout, senderUserRef);
            return new(EventName.OptoutReceived, $"optout:{sender}:{at}:{part.Type}") { Optin = part };
        }

        foreach (var (field, utf8, name) in Handovers)
        {
            if (item.Obj(utf8) is { } handover)
            {
                return new(name, $"{field}:{sender}:{at}") { Handover = Handover(field, handover) };
            }
        }

        if (item.Obj("policy_enforcement"u8) is { } policy)
        {
            return new(EventName.AccountUpdated, "policy_enforcement:" + ContentKey.Of(item))
            {
                Account = new AccountPart { Field = "messaging_policy_enforcement", Event = policy.Str("action"u8) },
            };
        }

        return default;
    }

    private static ParsedItem Message(JsonElement message)
    {
        var mid = message.Str("mid"u8) ?? "";
        var echo = message.Bool("is_echo"u8) == true;
        if (message.Bool("is_deleted"u8) == true)
        {
            // Instagram unsend (Meta's Messenger Platform webhook events: is_deleted flag); the mid is the one first delivered.
            return new(EventName.MessageDeleted, "deleted:" + mid)
            {
                Message = new MessagePart { Id = mid, Type = "deleted", IsEcho = echo },
            };
        }

        var part = MessagingParts.Message(message, mid, echo);
        return new(echo ? EventName.MessageEcho : EventName.MessageReceived, mid) { KeyPrefix = "message:", Message = part };
    }

    private static ParsedItem Postback(JsonElement postback, string? sender, long? at)
    {
        var part = new PostbackPart
        {
            Mid = postback.Str("mid"u8),
            Title = postback.Str("title"u8),
            Payload = postback.Str("payload"u8),
            Referral = postback.Obj("referral"u8) is { } pr ? MessagingParts.Referral(pr) : null,
        };
        var key = part.Mid is { } mid ? $"postback:{mid}" : $"postback:{sender}:{at}:{part.Payload}";
        return new(EventName.PostbackReceived, key) { Postback = part };
    }

    // previous_owner_app_id is null when the thread was idle; app ids may come as numbers (take_thread_control example).
    private static HandoverPart Handover(string field, JsonElement handover) => new()
    {
        Action = field,
        NewOwnerAppId = handover.Str("new_owner_app_id"u8),
        PreviousOwnerAppId = handover.Str("previous_owner_app_id"u8),
        RequestedOwnerAppId = handover.Str("requested_owner_app_id"u8),
        Metadata = handover.Str("metadata"u8),
    };
}
