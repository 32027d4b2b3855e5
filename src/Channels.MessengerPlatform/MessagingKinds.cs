using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;

namespace Normalizer.Channels.MessengerPlatform;

/// <summary>
/// Reads a <c>messaging[]</c> item and recognizes its kind by its payload key (Meta's Messenger Platform webhook
/// events), building its part and dedup key. Keys use Meta's own ids (mid) where the item has one, else
/// sender + timestamp + content.
/// </summary>
internal static class MessagingKinds
{
    private const string PassThreadControl = "pass_thread_control";
    private const string TakeThreadControl = "take_thread_control";
    private const string RequestThreadControl = "request_thread_control";

    /// <summary>Reads the item the reader is on (its start) up to its end.</summary>
    /// <param name="reader">On the item's start; left on its end.</param>
    /// <param name="pageId">The entry's id: a sender or recipient equal to it is not allocated again.</param>
    public static MessagingItem Read(ref Utf8JsonReader reader, string pageId)
    {
        var item = default(MessagingItem);
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("sender"u8))
            {
                item.Sender = item.SenderUserRef = null;
                var isObject = reader.EnterObject();
                while (isObject && reader.NextProperty())
                {
                    if (reader.ValueTextEquals("id"u8)) { item.Sender = reader.ReadText(pageId); }
                    else if (reader.ValueTextEquals("user_ref"u8)) { item.SenderUserRef = reader.ReadText(); }
                    else { reader.Skip(); }
                }
            }
            else if (reader.ValueTextEquals("recipient"u8))
            {
                item.Recipient = null;
                var isObject = reader.EnterObject();
                while (isObject && reader.NextProperty())
                {
                    if (reader.ValueTextEquals("id"u8)) { item.Recipient = reader.ReadText(pageId); }
                    else { reader.Skip(); }
                }
            }
            else if (reader.ValueTextEquals("timestamp"u8)) { item.Timestamp = reader.ReadLong(); }
            else if (reader.ValueTextEquals("message"u8))
            {
                item.Message = reader.EnterObject() ? MessagingParts.Message(ref reader, out item.MessageDeleted) : null;
            }
            else if (reader.ValueTextEquals("message_edit"u8)) { item.Edit = reader.EnterObject() ? Edit(ref reader) : null; }
            else if (reader.ValueTextEquals("reaction"u8)) { item.Reaction = reader.EnterObject() ? Reaction(ref reader) : null; }
            else if (reader.ValueTextEquals("delivery"u8)) { item.Delivery = reader.EnterObject() ? Delivery(ref reader) : null; }
            else if (reader.ValueTextEquals("read"u8)) { item.Read = reader.EnterObject() ? ReadReceipt(ref reader) : null; }
            else if (reader.ValueTextEquals("postback"u8)) { item.Postback = reader.EnterObject() ? Postback(ref reader) : null; }
            else if (reader.ValueTextEquals("referral"u8))
            {
                item.Referral = reader.EnterObject() ? MessagingParts.Referral(ref reader) : null;
            }
            else if (reader.ValueTextEquals("optin"u8)) { item.Optin = reader.EnterObject() ? MessagingParts.Optin(ref reader) : null; }
            else if (reader.ValueTextEquals("optout"u8)) { item.Optout = reader.EnterObject() ? MessagingParts.Optin(ref reader) : null; }
            else if (reader.ValueTextEquals("pass_thread_control"u8)) { item.PassThreadControl = Handover(ref reader, PassThreadControl); }
            else if (reader.ValueTextEquals("take_thread_control"u8)) { item.TakeThreadControl = Handover(ref reader, TakeThreadControl); }
            else if (reader.ValueTextEquals("request_thread_control"u8))
            {
                item.RequestThreadControl = Handover(ref reader, RequestThreadControl);
            }
            // Meta's reference spells it policy_enforcement; older samples policy-enforcement [3P: restfb fixtures].
            else if (reader.ValueTextEquals("policy_enforcement"u8) || reader.ValueTextEquals("policy-enforcement"u8))
            {
                item.Policy = reader.EnterObject() ? MessagingPageParts.Policy(ref reader) : null;
            }
            else if (reader.ValueTextEquals("app_roles"u8))
            {
                item.AppRoles = reader.EnterObject() ? MessagingPageParts.AppRoles(ref reader) : null;
            }
            else if (reader.ValueTextEquals("account_linking"u8))
            {
                item.AccountLinking = reader.EnterObject() ? MessagingPageParts.AccountLinking(ref reader) : null;
            }
            else { reader.Skip(); }
        }

        return item;
    }

    /// <summary>The kind of <paramref name="item"/>, its part and key; <c>default</c> when it is of no kind we know.</summary>
    /// <param name="item">The item's fields.</param>
    /// <param name="bytes">The item's exact bytes, hashed into the key of items that carry no identity.</param>
    public static ParsedItem Parse(in MessagingItem item, ReadOnlySpan<byte> bytes)
    {
        var sender = item.Sender ?? item.SenderUserRef;
        var at = item.Timestamp;
        if (item.Message is { } message)
        {
            // Instagram unsend (Meta's Messenger Platform webhook events: is_deleted flag); the mid is the one first delivered.
            return item.MessageDeleted
                ? new(EventName.MessageDeleted, "deleted:" + message.Id)
                {
                    Message = new MessagePart { Id = message.Id, Type = "deleted", IsEcho = message.IsEcho },
                }
                : new(message.IsEcho ? EventName.MessageEcho : EventName.MessageReceived, message.Id)
                {
                    KeyPrefix = "message:",
                    Message = message,
                };
        }

        if (item.Edit is { } edit)
        {
            return new(EventName.MessageEdited, $"edit:{edit.Id}:{edit.EditCount}:{at}") { Message = edit };
        }

        if (item.Reaction is { } reaction)
        {
            return new(EventName.MessageReaction,
                $"reaction:{reaction.MessageId}:{sender}:{reaction.Action}:{reaction.Reaction}:{reaction.Emoji}:{at}") { Reaction = reaction };
        }

        if (item.Delivery is { } delivery)
        {
            // mids[] may be absent; the watermark alone then identifies the receipt.
            var mids = string.Join(',', delivery.MessageIds ?? []);
            return new(EventName.MessageDelivered, $"delivery:{sender}:{delivery.Watermark}:{mids}") { Delivery = delivery };
        }

        if (item.Read is { } read)
        {
            return new(EventName.MessageRead, $"read:{sender}:{read.Watermark}:{read.MessageId}") { Read = read };
        }

        if (item.Postback is { } postback)
        {
            var key = postback.Mid is { } mid ? $"postback:{mid}" : $"postback:{sender}:{at}:{postback.Payload}";
            return new(EventName.PostbackReceived, key) { Postback = postback };
        }

        if (item.Referral is { } referral)
        {
            return new(EventName.ReferralReceived, $"referral:{sender}:{at}:{referral.Ref}:{referral.AdId}") { Referral = referral };
        }

        if (item.Optin is { } optin)
        {
            var part = WithUserRef(optin, item.SenderUserRef);
            // Marketing messages stop/resume arrive as opt-ins (Meta's Messenger Platform webhook events): STOP is an opt-out.
            var name = part.NotificationMessagesStatus == "STOP_NOTIFICATIONS" ? EventName.OptoutReceived : EventName.OptinReceived;
            return new(name, $"optin:{sender ?? part.UserRef}:{at}:{part.Type}:{part.NotificationMessagesStatus}:{part.Ref}") { Optin = part };
        }

        if (item.Optout is { } optout)
        {
            var part = WithUserRef(optout, item.SenderUserRef);
            return new(EventName.OptoutReceived, $"optout:{sender}:{at}:{part.Type}") { Optin = part };
        }

        foreach (var (handover, name) in (ReadOnlySpan<(HandoverPart?, string)>)
                 [(item.PassThreadControl, EventName.HandoverPassed), (item.TakeThreadControl, EventName.HandoverTaken),
                  (item.RequestThreadControl, EventName.HandoverRequested)])
        {
            if (handover is not null)
            {
                return new(name, $"{handover.Action}:{sender}:{at}") { Handover = handover };
            }
        }

        if (item.AccountLinking is { } linking)
        {
            // messaging_account_linking: status linked (with the app's authorization_code) or unlinked.
            var name = linking.Status switch
            {
                "linked" => EventName.AccountLinked,
                "unlinked" => EventName.AccountUnlinked,
                _ => null,
            };
            return name is null ? default : new(name, $"account_linking:{sender}:{at}:{linking.Status}") { AccountLinking = linking };
        }

        // Page-level items carry only recipient (the Page) and timestamp (Meta's messaging_policy_enforcement and
        // messaging_handovers app_roles references); the key hashes the bytes, as they carry no identity of their own.
        if (item.Policy is { } policy)
        {
            return new(EventName.PolicyEnforced, $"policy_enforcement:{at}:{ContentKey.Of(bytes)}") { Policy = policy, PageLevel = true };
        }

        if (item.AppRoles is { } roles)
        {
            return new(EventName.HandoverRolesChanged, $"app_roles:{at}:{ContentKey.Of(bytes)}") { Handover = roles, PageLevel = true };
        }

        return default;
    }

    private static OptinPart WithUserRef(OptinPart part, string? senderUserRef) =>
        part.UserRef is null && senderUserRef is not null ? part with { UserRef = senderUserRef } : part;

    // message_edits: { mid, text, num_edit } (Messenger message_edits reference; IG message_edit field).
    private static MessagePart Edit(ref Utf8JsonReader reader)
    {
        string mid = "";
        string? text = null;
        long? count = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("mid"u8)) { mid = reader.ReadText() ?? ""; }
            else if (reader.ValueTextEquals("text"u8)) { text = reader.ReadText(); }
            else if (reader.ValueTextEquals("num_edit"u8)) { count = reader.ReadLong(); }
            else { reader.Skip(); }
        }

        return new MessagePart { Id = mid, Type = "edit", Body = text, EditCount = count, IsEcho = false };
    }

    // message_reactions: an unreact may omit reaction and emoji.
    private static ReactionPart Reaction(ref Utf8JsonReader reader)
    {
        string? mid = null, action = null, reaction = null, emoji = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("mid"u8)) { mid = reader.ReadText(); }
            else if (reader.ValueTextEquals("action"u8)) { action = reader.ReadText(); }
            else if (reader.ValueTextEquals("reaction"u8)) { reaction = reader.ReadText(); }
            else if (reader.ValueTextEquals("emoji"u8)) { emoji = reader.ReadText(); }
            else { reader.Skip(); }
        }

        return new ReactionPart { MessageId = mid, Action = action ?? "react", Reaction = reaction, Emoji = emoji };
    }

    // mids[]: string (or number) items; absent or empty reads as none.
    private static DeliveryPart Delivery(ref Utf8JsonReader reader)
    {
        long? watermark = null;
        List<string>? mids = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("watermark"u8)) { watermark = reader.ReadLong(); }
            else if (reader.ValueTextEquals("mids"u8))
            {
                mids = null;
                var isArray = reader.EnterArray();
                while (isArray && reader.NextItem())
                {
                    if (reader.Text() is { } mid)
                    {
                        (mids ??= []).Add(mid);
                    }
                }
            }
            else { reader.Skip(); }
        }

        return new DeliveryPart { Watermark = watermark, MessageIds = mids };
    }

    // Messenger message_reads: { watermark }; Instagram messaging_seen: { mid }.
    private static ReadPart ReadReceipt(ref Utf8JsonReader reader)
    {
        long? watermark = null;
        string? mid = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("watermark"u8)) { watermark = reader.ReadLong(); }
            else if (reader.ValueTextEquals("mid"u8)) { mid = reader.ReadText(); }
            else { reader.Skip(); }
        }

        return new ReadPart { Watermark = watermark, MessageId = mid };
    }

    private static PostbackPart Postback(ref Utf8JsonReader reader)
    {
        string? mid = null, title = null, payload = null;
        ReferralPart? referral = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("mid"u8)) { mid = reader.ReadText(); }
            else if (reader.ValueTextEquals("title"u8)) { title = reader.ReadText(); }
            else if (reader.ValueTextEquals("payload"u8)) { payload = reader.ReadText(); }
            else if (reader.ValueTextEquals("referral"u8)) { referral = reader.EnterObject() ? MessagingParts.Referral(ref reader) : null; }
            else { reader.Skip(); }
        }

        return new PostbackPart { Mid = mid, Title = title, Payload = payload, Referral = referral };
    }

    // previous_owner_app_id is null when the thread was idle; app ids may come as numbers (take_thread_control example).
    private static HandoverPart? Handover(ref Utf8JsonReader reader, string field)
    {
        if (!reader.EnterObject())
        {
            return null;
        }

        string? newOwner = null, previousOwner = null, requestedOwner = null, metadata = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("new_owner_app_id"u8)) { newOwner = reader.ReadText(); }
            else if (reader.ValueTextEquals("previous_owner_app_id"u8)) { previousOwner = reader.ReadText(); }
            else if (reader.ValueTextEquals("requested_owner_app_id"u8)) { requestedOwner = reader.ReadText(); }
            else if (reader.ValueTextEquals("metadata"u8)) { metadata = reader.ReadText(); }
            else { reader.Skip(); }
        }

        return new HandoverPart
        {
            Action = field,
            NewOwnerAppId = newOwner,
            PreviousOwnerAppId = previousOwner,
            RequestedOwnerAppId = requestedOwner,
            Metadata = metadata,
        };
    }
}
