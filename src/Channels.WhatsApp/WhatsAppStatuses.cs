using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;

namespace Normalizer.Channels.WhatsApp;

/// <summary>
/// Outbound message statuses, <c>value.statuses[]</c> (Meta's WhatsApp Cloud API webhooks): sent, delivered, read, failed, played.
/// The business (<c>phone_number_id</c>) is the sender; the customer is <c>recipient_id</c> (phone or group id)
/// or, when the phone is absent, <c>recipient_user_id</c> (BSUID).
/// </summary>
internal static class WhatsAppStatuses
{
    public static NormalizedEvent Parse(JsonElement status, WhatsAppScope scope)
    {
        var wamid = NonEmpty(status.Str("id"u8));
        var value = NonEmpty(status.Str("status"u8));
        var time = status.Long("timestamp"u8);
        if (wamid is null || value is null || EventFor(value) is not { } name)
        {
            return UnknownEvent.Create(Platform.WhatsApp, IdType.PhoneNumberId, scope.PhoneNumberId, status, scope.Context, time);
        }

        var phone = NonEmpty(status.Str("recipient_id"u8));
        var bsuid = NonEmpty(status.Str("recipient_user_id"u8));
        // A message to a group: recipient_id is the group, the participant (Meta's Groups API webhooks name the field both
        // recipient_participant_id and participant_recipient_id) the customer the status is about.
        string? group = null;
        if (status.Str("recipient_type"u8) == "group")
        {
            var participant = NonEmpty(status.Str("recipient_participant_id"u8)) ?? NonEmpty(status.Str("participant_recipient_id"u8));
            var participantBsuid = NonEmpty(status.Str("recipient_participant_user_id"u8));
            if ((participant ?? participantBsuid) is not null)
            {
                (group, phone, bsuid) = (phone, participant, participantBsuid);
            }
        }

        var user = WhatsAppEvent.User(phone, bsuid);
        var conversation = status.Obj("conversation"u8);
        var pricing = status.Obj("pricing"u8);
        var part = new StatusPart
        {
            MessageId = wamid,
            Status = value,
            RecipientId = phone,
            RecipientUserId = bsuid,
            GroupId = group,
            BizOpaqueCallbackData = status.Str("biz_opaque_callback_data"u8),
            ConversationId = conversation?.Str("id"u8),
            ConversationOrigin = conversation?.Obj("origin"u8)?.Str("type"u8),
            PricingCategory = pricing?.Str("category"u8),
            PricingModel = pricing?.Str("pricing_model"u8),
            PricingType = pricing?.Str("type"u8),
            Billable = pricing?.Bool("billable"u8),
            Errors = WhatsAppParts.Errors(status),
        };

        return WhatsAppEvent.Create(name, "status:", $"{wamid}:{value}", status, time, scope, user, inbound: false) with
        {
            Status = part,
            Contact = WhatsAppContacts.Build(scope.Value, phone, bsuid, NonEmpty(status.Str("recipient_parent_user_id"u8))),
        };
    }

    private static string? EventFor(string status) => status switch
    {
        "sent" => EventName.MessageSent,
        "delivered" => EventName.MessageDelivered,
        "read" => EventName.MessageRead,
        "failed" => EventName.MessageFailed,
        "played" => EventName.MessagePlayed,
        _ => null,
    };

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
