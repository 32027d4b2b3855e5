using System.Text.Json;
using Normalizer.Events;
using Normalizer.Json;

namespace Normalizer.Channels.WhatsApp;

internal static class WhatsAppParser
{
    public static void Normalize(JsonElement entry, WebhookContext context, ICollection<NormalizedEvent> output) =>
        output.Add(UnknownEvent.Create(Platform.WhatsApp, entry.Str("id") ?? "", entry, context, null));
}
