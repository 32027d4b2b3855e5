using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;
using static Normalizer.Channels.WhatsApp.WhatsAppEvent;

namespace Normalizer.Channels.WhatsApp;

/// <summary>
/// The Business Calling API's <c>calls</c> field (Meta's user-initiated and business-initiated calls references):
/// <c>value.calls[]</c> of <c>{id (wacid), from, to, event (connect | terminate), timestamp, direction, session{sdp_type, sdp},
/// status, start_time, end_time, duration, biz_opaque_callback_data, errors[]}</c>, and for business calls
/// <c>value.statuses[]</c> of <c>{id, type: "call", status (RINGING | ACCEPTED | REJECTED), timestamp, recipient_id}</c>.
/// </summary>
internal static class WhatsAppCalls
{
    public static NormalizedEvent Parse(JsonElement call, WhatsAppScope scope)
    {
        var id = NonEmpty(call.Str("id"u8));
        var time = call.Long("timestamp"u8);
        var kind = call.Str("event"u8);
        var name = kind switch
        {
            "connect" => EventName.CallConnected,
            "terminate" => EventName.CallTerminated,
            _ => null,
        };
        var from = NonEmpty(call.Str("from"u8));
        var to = NonEmpty(call.Str("to"u8));
        var direction = NonEmpty(call.Str("direction"u8));
        // The customer is the side that is not the business's own display number; Meta's published call bodies do not always
        // agree with their direction on which side that is. Where neither side is that number, the direction says: the
        // caller of a USER_INITIATED call is the customer.
        var business = NonEmpty(scope.Value.Obj("metadata"u8)?.Str("display_phone_number"u8));
        var customerCalled = business is not null && from == business ? false
            : business is not null && to == business ? true
            : direction != "BUSINESS_INITIATED";
        var customer = customerCalled ? from : to;
        if (id is null || name is null || customer is null)
        {
            return UnknownEvent.Create(Platform.WhatsApp, IdType.PhoneNumberId, scope.PhoneNumberId, call, scope.Context, time);
        }

        var user = new TaggedId(IdType.WaId, customer);
        return Create(name, "call:", $"{id}:{kind}", call, time, scope, user, inbound: customerCalled) with
        {
            Call = new CallPart
            {
                Id = id,
                Direction = direction,
                Status = call.Str("status"u8),
                SdpType = call.Obj("session"u8)?.Str("sdp_type"u8),
                StartTime = call.Long("start_time"u8),
                EndTime = call.Long("end_time"u8),
                Duration = call.Long("duration"u8),
                BizOpaqueCallbackData = call.Str("biz_opaque_callback_data"u8),
                Errors = WhatsAppParts.Errors(call),
            },
            Contact = WhatsAppContacts.Build(scope.Value, customer, null, null),
        };
    }

    /// <summary>A business call's progress: from the business number to the customer it rings.</summary>
    public static NormalizedEvent Status(JsonElement status, WhatsAppScope scope)
    {
        var id = NonEmpty(status.Str("id"u8));
        var value = NonEmpty(status.Str("status"u8));
        var time = status.Long("timestamp"u8);
        var phone = NonEmpty(status.Str("recipient_id"u8));
        var bsuid = NonEmpty(status.Str("recipient_user_id"u8));
        if (id is null || value is null || User(phone, bsuid) is not { } user)
        {
            return UnknownEvent.Create(Platform.WhatsApp, IdType.PhoneNumberId, scope.PhoneNumberId, status, scope.Context, time);
        }

        return Create(EventName.CallStatus, "call-status:", $"{id}:{value}", status, time, scope, user, inbound: false) with
        {
            Call = new CallPart
            {
                Id = id,
                Direction = "BUSINESS_INITIATED",
                Status = value,
                BizOpaqueCallbackData = status.Str("biz_opaque_callback_data"u8),
                Errors = WhatsAppParts.Errors(status),
            },
            Contact = WhatsAppContacts.Build(scope.Value, phone, bsuid, NonEmpty(status.Str("recipient_parent_user_id"u8))),
        };
    }
}
