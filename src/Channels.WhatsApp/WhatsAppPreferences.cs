using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;
using static Normalizer.Channels.WhatsApp.WhatsAppEvent;

namespace Normalizer.Channels.WhatsApp;

/// <summary>
/// <c>user_preferences</c> (Meta's user_preferences webhook reference): a customer stops or resumes the business's marketing
/// messages, <c>value.user_preferences[]</c> of <c>{wa_id, detail, category: "marketing_messages", value (stop | resume),
/// timestamp}</c>. A stop is <c>optout.received</c>, a resume <c>optin.received</c>, with the category as the part's type.
/// </summary>
internal static class WhatsAppPreferences
{
    public static NormalizedEvent Parse(JsonElement preference, WhatsAppScope scope)
    {
        var time = preference.Long("timestamp"u8);
        var phone = NonEmpty(preference.Str("wa_id"u8));
        var bsuid = NonEmpty(preference.Str("user_id"u8));
        var value = preference.Str("value"u8);
        var name = value switch
        {
            "stop" => EventName.OptoutReceived,
            "resume" => EventName.OptinReceived,
            _ => null,
        };
        if (name is null || User(phone, bsuid) is not { } user)
        {
            return UnknownEvent.Create(Platform.WhatsApp, IdType.PhoneNumberId, scope.PhoneNumberId, preference, scope.Context, time);
        }

        var part = new OptinPart { Type = preference.Str("category"u8) };
        return Create(name, "preference:", $"{user.Value}:{time}:{value}", preference, time, scope, user, inbound: true) with
        {
            Optin = name == EventName.OptinReceived ? part : null,
            Optout = name == EventName.OptoutReceived ? part : null,
            Contact = WhatsAppContacts.Build(scope.Value, phone, bsuid, null),
        };
    }
}
