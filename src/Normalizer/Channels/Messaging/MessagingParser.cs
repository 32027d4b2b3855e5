using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;

namespace Normalizer.Channels.Messaging;

/// <summary>
/// Parses the Messenger Platform's <c>messaging[]</c> / <c>standby[]</c> items, which Messenger and
/// Instagram share (PLATFORM.md §2.5–§2.6). The channel decides which ID types its users and business have.
/// </summary>
/// <param name="platform">The channel's platform.</param>
/// <param name="userType">PSID for Messenger, IGSID for Instagram.</param>
public sealed class MessagingParser(Platform platform, IdType userType)
{
    private readonly IdType _businessType = IdTypes.BusinessType(platform);

    /// <summary>Normalizes one messaging item of the entry of <paramref name="pageId"/>.</summary>
    public NormalizedEvent Parse(JsonElement item, string pageId, long? entryTime, bool standby, WebhookContext context)
    {
        var sender = item.Obj("sender") is { } s ? s.Str("id") : null;
        var recipient = item.Obj("recipient") is { } r ? r.Str("id") : null;
        var metaTime = item.Long("timestamp") ?? entryTime;
        var parsed = ParseKind(item, sender);
        if (parsed.Name is null)
        {
            return UnknownEvent.Create(platform, pageId, item, context, metaTime) with { Standby = standby };
        }

        // Trust is_echo, not the order of sender/recipient (PLATFORM.md §2.5: older examples swap them).
        var outbound = parsed.Name == EventName.MessageEcho;
        var user = outbound ? recipient : sender;
        var (seconds, ms) = metaTime is { } t ? Timestamps.Split(t) : (context.ReceivedAt.ToUnixTimeSeconds(), null);
        return new NormalizedEvent
        {
            Id = EventIds.Event(platform, pageId, parsed.Key),
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
            Raw = item.Clone(),
        };
    }

    private static Parsed ParseKind(JsonElement item, string? sender)
    {
        if (item.Obj("message") is { } message)
        {
            return ParseMessage(message);
        }

        if (item.Obj("message_edit") is { } edit)
        {
            var mid = edit.Str("mid") ?? "";
            var count = edit.Long("num_edit");
            return new(EventName.MessageEdited, $"edit:{mid}:{count}")
            {
                Message = new MessagePart { Id = mid, Type = "edit", Body = edit.Str("text"), EditCount = count, IsEcho = false },
            };
        }

        if (item.Obj("reaction") is { } reaction)
        {
            var part = new ReactionPart
            {
                MessageId = reaction.Str("mid"),
                Action = reaction.Str("action") ?? "react",
                Reaction = reaction.Str("reaction"),
                Emoji = reaction.Str("emoji"),
            };
            return new(EventName.MessageReaction,
                $"reaction:{part.MessageId}:{sender}:{part.Action}:{part.Reaction}:{part.Emoji}:{item.Long("timestamp")}") { Reaction = part };
        }

        if (item.Obj("delivery") is { } delivery)
        {
            var mids = delivery.Items("mids").Select(m => m.AsText()).OfType<string>().ToArray();
            var part = new DeliveryPart { Watermark = delivery.Long("watermark"), MessageIds = mids.Length == 0 ? null : mids };
            return new(EventName.MessageDelivered, $"delivery:{sender}:{part.Watermark}:{mids.FirstOrDefault()}") { Delivery = part };
        }

        if (item.Obj("read") is { } read)
        {
            var part = new ReadPart { Watermark = read.Long("watermark"), MessageId = read.Str("mid") };
            return new(EventName.MessageRead, $"read:{sender}:{part.Watermark}:{part.MessageId}") { Read = part };
        }

        if (item.Obj("postback") is { } postback)
        {
            var part = new PostbackPart
            {
                Mid = postback.Str("mid"),
                Title = postback.Str("title"),
                Payload = postback.Str("payload"),
                Referral = postback.Obj("referral") is { } pr ? MessagingParts.Referral(pr) : null,
            };
            var key = part.Mid is { } mid ? $"postback:{mid}" : $"postback:{sender}:{item.Long("timestamp")}:{part.Payload}";
            return new(EventName.PostbackReceived, key) { Postback = part };
        }

        if (item.Obj("referral") is { } referral)
        {
            var part = MessagingParts.Referral(referral);
            return new(EventName.ReferralReceived, $"referral:{sender}:{item.Long("timestamp")}:{part.Ref}:{part.AdId}") { Referral = part };
        }

        if (item.Obj("optin") is { } optin)
        {
            var part = MessagingParts.Optin(optin);
            // Marketing messages stop/resume arrive as opt-ins (PLATFORM.md §2.6, §5.7): STOP is an opt-out.
            var name = part.NotificationMessagesStatus == "STOP_NOTIFICATIONS" ? EventName.OptoutReceived : EventName.OptinReceived;
            return new(name, $"optin:{sender ?? part.UserRef}:{item.Long("timestamp")}:{part.Type}:{part.NotificationMessagesStatus}:{part.Ref}") { Optin = part };
        }

        if (item.Obj("optout") is { } optout)
        {
            var part = MessagingParts.Optin(optout);
            return new(EventName.OptoutReceived, $"optout:{sender}:{item.Long("timestamp")}:{part.Type}") { Optin = part };
        }

        foreach (var (field, name) in Handovers)
        {
            if (item.Obj(field) is { } handover)
            {
                var part = new HandoverPart
                {
                    Action = field,
                    NewOwnerAppId = handover.Str("new_owner_app_id"),
                    PreviousOwnerAppId = handover.Str("previous_owner_app_id"),
                    RequestedOwnerAppId = handover.Str("requested_owner_app_id"),
                    Metadata = handover.Str("metadata"),
                };
                return new(name, $"{field}:{sender}:{item.Long("timestamp")}") { Handover = part };
            }
        }

        if (item.Obj("policy_enforcement") is { } policy)
        {
            return new(EventName.AccountUpdated, "policy_enforcement:" + ContentKey.Of(item))
            {
                Account = new AccountPart { Field = "messaging_policy_enforcement", Event = policy.Str("action") },
            };
        }

        return default;
    }

    private static readonly (string Field, string Name)[] Handovers =
    [
        ("pass_thread_control", EventName.HandoverPassed),
        ("take_thread_control", EventName.HandoverTaken),
        ("request_thread_control", EventName.HandoverRequested),
    ];

    private static Parsed ParseMessage(JsonElement message)
    {
        var mid = message.Str("mid") ?? "";
        var echo = message.Bool("is_echo") == true;
        if (message.Bool("is_deleted") == true)
        {
            // Instagram unsend (PLATFORM.md §2.6: is_deleted flag).
            return new(EventName.MessageDeleted, "deleted:" + mid)
            {
                Message = new MessagePart { Id = mid, Type = "deleted", IsEcho = echo },
            };
        }

        var part = MessagingParts.Message(message, mid, echo);
        return new(echo ? EventName.MessageEcho : EventName.MessageReceived, "message:" + mid) { Message = part };
    }

    private readonly record struct Parsed(string? Name, string Key)
    {
        public MessagePart? Message { get; init; }
        public PostbackPart? Postback { get; init; }
        public ReactionPart? Reaction { get; init; }
        public ReadPart? Read { get; init; }
        public DeliveryPart? Delivery { get; init; }
        public OptinPart? Optin { get; init; }
        public ReferralPart? Referral { get; init; }
        public HandoverPart? Handover { get; init; }
        public AccountPart? Account { get; init; }
    }
}
