using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;
using static Normalizer.Channels.WhatsApp.WhatsAppEvent;

namespace Normalizer.Channels.WhatsApp;

/// <summary>
/// <c>smb_message_echoes</c> (Coexistence; Meta's smb_message_echoes webhook reference): a message the business sent from the
/// WhatsApp Business app or a linked device, <c>value.message_echoes[]</c> of
/// <c>{from (business display number), to (customer), id, timestamp, type, &lt;type&gt;{…}}</c>. Each becomes
/// <c>message.echo</c> from the business number to the customer, with the message as the business wrote it.
/// </summary>
internal static class WhatsAppEchoes
{
    public static NormalizedEvent Parse(JsonElement echo, WhatsAppScope scope)
    {
        var wamid = NonEmpty(echo.Str("id"u8));
        var time = echo.Long("timestamp"u8);
        var user = Customer(echo.Str("to"u8));
        if (wamid is null || user is null)
        {
            return UnknownEvent.Create(Platform.WhatsApp, IdType.PhoneNumberId, scope.PhoneNumberId, echo, scope.Context, time);
        }

        var type = NonEmpty(echo.Str("type"u8)) ?? "unknown";
        return Create(EventName.MessageEcho, "echo:", wamid, echo, time, scope, user, inbound: false) with
        {
            Message = WhatsAppMessages.Content(echo, wamid, type) with { IsEcho = true },
            Contact = WhatsAppContacts.Build(scope.Value, user.Value.Value, null, null),
        };
    }

    /// <summary>
    /// The customer a business message went to. Meta writes the number as the business typed it when sending (e.g.
    /// <c>+16505551234</c>); without the plus it is the wa_id the customer's own messages carry, so both meet in one conversation.
    /// </summary>
    public static TaggedId? Customer(string? to) => NonEmpty(to?.TrimStart('+')) is { } phone ? new TaggedId(IdType.WaId, phone) : null;
}
