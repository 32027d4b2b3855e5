using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Channels.WhatsApp;

/// <summary>
/// WhatsApp Cloud API: <c>object: "whatsapp_business_account"</c>, <c>entry[].id</c> = WABA id, items in
/// <c>entry[].changes[].value</c> (Meta's WhatsApp Cloud API webhooks).
/// </summary>
internal sealed class WhatsAppChannel : IChannel
{
    public const string HttpClientName = "Normalizer.WhatsApp";

    // A business-level change that names no phone number belongs to the business account; customers arrive with a
    // phone (wa_id), a business-scoped user ID (BSUID) or both.
    private static readonly ChannelIdTypes IdTypes = new()
    {
        Business = IdType.PhoneNumberId, OtherBusiness = [IdType.WabaId], Users = [IdType.WaId, IdType.WaBsuid],
    };

    public Platform Platform => Platform.WhatsApp;

    public string WebhookObject => "whatsapp_business_account";

    public ChannelIdTypes Ids => IdTypes;

    public void Normalize(ref Utf8JsonReader entry, WebhookContext context, List<NormalizedEvent> output)
    {
        using var document = context.Parse(ref entry);
        WhatsAppParser.Normalize(document.RootElement, context, output);
    }
}
