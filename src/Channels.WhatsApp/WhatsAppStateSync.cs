using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;
using static Normalizer.Channels.WhatsApp.WhatsAppEvent;

namespace Normalizer.Channels.WhatsApp;

/// <summary>
/// <c>smb_app_state_sync</c> (Coexistence; Meta's smb_app_state_sync webhook reference): the WhatsApp Business app's address
/// book, <c>value.state_sync[]</c> of <c>{type: "contact", contact{full_name, first_name, phone_number}, action (add | remove),
/// metadata{timestamp}}</c>. Each entry becomes <c>contact.synced</c> for that customer; nobody sent anything, so it has no
/// from or to.
/// </summary>
internal static class WhatsAppStateSync
{
    public static NormalizedEvent Parse(JsonElement item, WhatsAppScope scope)
    {
        var time = item.Obj("metadata"u8)?.Long("timestamp"u8);
        var contact = item.Obj("contact"u8);
        var phone = NonEmpty(contact?.Str("phone_number"u8));
        var action = NonEmpty(item.Str("action"u8));
        if (item.Str("type"u8) != "contact" || phone is null || action is null)
        {
            return UnknownEvent.Create(Platform.WhatsApp, IdType.PhoneNumberId, scope.PhoneNumberId, item, scope.Context, time);
        }

        var user = new TaggedId(IdType.WaId, phone);
        return Create(EventName.ContactSynced, "state-sync:", $"{phone}:{time}:{action}", item, time, scope, user) with
        {
            To = null,
            ToType = null,
            ContactSync = new ContactSyncPart
            {
                Action = action,
                PhoneNumber = phone,
                FullName = contact?.Str("full_name"u8),
                FirstName = contact?.Str("first_name"u8),
            },
        };
    }
}
