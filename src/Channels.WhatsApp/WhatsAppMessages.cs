using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;

namespace Normalizer.Channels.WhatsApp;

/// <summary>
/// Inbound <c>value.messages[]</c> items (Meta's webhook sender/recipient rules): the user is <c>from</c> (wa_id) or, when the
/// phone is withheld, <c>from_user_id</c> (BSUID); the business is <c>metadata.phone_number_id</c>.
/// </summary>
internal static class WhatsAppMessages
{
    public static NormalizedEvent Parse(JsonElement message, WhatsAppScope scope)
    {
        var wamid = NonEmpty(message.Str("id"u8));
        var time = message.Long("timestamp"u8);
        var type = NonEmpty(message.Str("type"u8)) ?? "unknown";
        var special = type is "reaction" or "system" or "edit" or "revoke";
        if (wamid is null || (special && message.Obj(type) is null))
        {
            // No identity, or a reaction/system/edit/revoke without its content object: nothing to normalize safely.
            return UnknownEvent.Create(Platform.WhatsApp, IdType.PhoneNumberId, scope.PhoneNumberId, message, scope.Context, time);
        }

        var phone = NonEmpty(message.Str("from"u8));
        var bsuid = NonEmpty(message.Str("from_user_id"u8));
        var user = WhatsAppEvent.User(phone, bsuid);
        var (name, prefix) = type switch
        {
            "reaction" => (EventName.MessageReaction, "reaction:"),
            "system" => (EventName.SystemReceived, "system:"),
            "edit" => (EventName.MessageEdited, "edit:"),
            "revoke" => (EventName.MessageDeleted, "revoke:"),
            // The customer opened the chat for the first time (Meta's welcome message docs): no content, a cue to greet.
            "request_welcome" => (EventName.ConversationStarted, "welcome:"),
            _ => (EventName.MessageReceived, "message:"),
        };

        var content = message.Obj(type);
        return WhatsAppEvent.Create(name, prefix, wamid, message, time, scope, user, inbound: true) with
        {
            Contact = WhatsAppContacts.Build(scope.Value, phone, bsuid, NonEmpty(message.Str("from_parent_user_id"u8))),
            Reaction = type == "reaction" ? Reaction(content!.Value) : null,
            System = type == "system" ? System(content!.Value, phone, bsuid) : null,
            // Every messages[] item carries its own wamid (Meta's messages webhook reference: reaction, edit, revoke and system
            // messages included); the message an item refers to goes in a field of its own.
            Message = type switch
            {
                "reaction" or "system" => new MessagePart { Id = wamid, Type = type, IsEcho = false },
                "edit" => Edit(content!.Value, wamid),
                "revoke" => new MessagePart
                {
                    Id = wamid,
                    Type = "deleted",
                    IsEcho = false,
                    OriginalMessageId = NonEmpty(content!.Value.Str("original_message_id"u8)),
                },
                _ => Content(message, wamid, type),
            },
        };
    }

    /// <summary>
    /// The content of a message of <paramref name="type"/>; unknown types keep only the common fields. The same object
    /// shape carries the business's own messages (smb_message_echoes, history), whose callers mark them as echoes.
    /// </summary>
    internal static MessagePart Content(JsonElement message, string id, string type)
    {
        var content = message.Obj(type);
        string? body = null;
        List<AttachmentPart>? attachments = null;
        LocationPart? location = null;
        JsonElement? contacts = null;
        InteractivePart? interactive = null;
        OrderPart? order = null;
        switch (type)
        {
            case "text":
                body = content?.Str("body"u8);
                break;
            case var media when WhatsAppParts.IsMedia(media) && content is { } m:
                var attachment = WhatsAppParts.Attachment(media, m);
                attachments = [attachment];
                body = attachment.Caption;
                break;
            case "location" when content is { } l:
                location = WhatsAppParts.Location(l);
                break;
            case "contacts" when message.TryProp("contacts"u8, out var cards) && cards.ValueKind == JsonValueKind.Array:
                contacts = cards.Clone();
                break;
            case "interactive" when content is { } i:
                interactive = WhatsAppParts.Interactive(i);
                body = interactive?.Title;
                break;
            case "button" when content is { } b:
                interactive = WhatsAppParts.Button(b);
                body = interactive.Title;
                break;
            case "order" when content is { } o:
                order = WhatsAppParts.Order(o);
                body = order.Text;
                break;
        }

        var context = message.Obj("context"u8);
        return new MessagePart
        {
            Id = id,
            Type = type,
            Body = body,
            Attachments = attachments,
            ReplyTo = context is { } c ? WhatsAppParts.ReplyTo(c) : null,
            Referral = message.Obj("referral"u8) is { } r ? WhatsAppParts.Referral(r) : null,
            IsEcho = false,
            // Groups API: a message in a group names the group beside its sender (Meta's group messages webhook reference).
            GroupId = NonEmpty(message.Str("group_id"u8)),
            Forwarded = context?.Bool("forwarded"u8),
            FrequentlyForwarded = context?.Bool("frequently_forwarded"u8),
            Location = location,
            Contacts = contacts,
            Interactive = interactive,
            Order = order,
            Errors = WhatsAppParts.Errors(message),
        };
    }

    /// <summary><c>reaction{message_id, emoji}</c>; an empty or absent emoji removes the reaction.</summary>
    private static ReactionPart Reaction(JsonElement reaction)
    {
        var emoji = NonEmpty(reaction.Str("emoji"u8));
        return new ReactionPart { MessageId = reaction.Str("message_id"u8), Action = emoji is null ? "unreact" : "react", Emoji = emoji };
    }

    /// <summary>
    /// <c>edit{original_message_id, message{type, …}}</c> (Coexistence only; Meta's edit messages webhook reference): the
    /// item's own <c>id</c> is the wamid of the edit event, <c>original_message_id</c> the message edited; the part carries
    /// the new content.
    /// </summary>
    private static MessagePart Edit(JsonElement edit, string wamid)
    {
        var original = NonEmpty(edit.Str("original_message_id"u8));
        return edit.Obj("message"u8) is { } inner && NonEmpty(inner.Str("type"u8)) is { } innerType
            ? Content(inner, wamid, innerType) with { Type = "edit", OriginalMessageId = original }
            : new MessagePart { Id = wamid, Type = "edit", IsEcho = false, OriginalMessageId = original };
    }

    /// <summary>
    /// <c>system{type, body, wa_id, …}</c>. Today's <c>user_changed_number</c> puts the <em>new</em> number in
    /// <c>wa_id</c> (the old one is <c>from</c>); the legacy shape had <c>wa_id</c> (old) and <c>new_wa_id</c>.
    /// BSUID changes carry <c>previous_user_id</c> beside the new <c>user_id</c> (changelog 2026-08-11).
    /// </summary>
    private static SystemPart System(JsonElement system, string? phone, string? bsuid)
    {
        var type = system.Str("type"u8);
        var waId = system.Str("wa_id"u8);
        var (current, next) = system.Str("new_wa_id"u8) is { } legacyNew ? (waId ?? phone, legacyNew)
            : type is "user_changed_number" or "customer_changed_number" ? (phone, waId)
            : (waId ?? system.Str("customer"u8) ?? phone, null);
        var (userId, newUserId) = system.Str("previous_user_id"u8) is { } previous
            ? (previous, system.Str("user_id"u8) ?? system.Str("new_user_id"u8))
            : (bsuid ?? system.Str("user_id"u8), system.Str("new_user_id"u8));
        return new SystemPart
        {
            Type = type,
            Body = system.Str("body"u8),
            WaId = current,
            NewWaId = next,
            UserId = userId,
            NewUserId = newUserId,
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
