using System.Text.Json;
using Normalizer.Events;

namespace Normalizer.Channels.WhatsApp;

/// <summary>
/// WhatsApp Cloud API: <c>object: "whatsapp_business_account"</c>, <c>entry[].id</c> = WABA id, items in
/// <c>entry[].changes[].value</c> (Meta's WhatsApp Cloud API webhooks).
/// </summary>
internal sealed class WhatsAppChannel : IChannel
{
    public const string HttpClientName = "Normalizer.WhatsApp";

    public Platform Platform => Platform.WhatsApp;

    public string WebhookObject => "whatsapp_business_account";

    public void Normalize(ref Utf8JsonReader entry, WebhookContext context, List<NormalizedEvent> output)
    {
        using var document = context.Parse(ref entry);
        WhatsAppParser.Normalize(document.RootElement, context, output);
    }
}
