using System.Text.Json;
using Normalizer.Channels.Messaging;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;

namespace Normalizer.Channels.Messenger;

/// <summary>
/// Facebook Messenger: <c>object: "page"</c>, items in <c>entry[].messaging[]</c> and, when another app
/// owns the thread, <c>entry[].standby[]</c> (PLATFORM.md §2.6). Page-feed <c>changes[]</c> are account updates.
/// </summary>
internal sealed class MessengerChannel : IChannel
{
    public const string HttpClientName = "Normalizer.Messenger";

    private readonly MessagingParser _parser = new(Platform.Facebook, IdType.Psid);

    public Platform Platform => Platform.Facebook;

    public string WebhookObject => "page";

    public void Normalize(JsonElement entry, WebhookContext context, ICollection<NormalizedEvent> output)
    {
        var pageId = entry.Str("id") ?? "";
        var time = entry.Long("time");
        var any = false;
        foreach (var property in entry.EnumerateObject())
        {
            var standby = property.NameEquals("standby");
            if ((standby || property.NameEquals("messaging")) && property.Value.ValueKind == JsonValueKind.Array)
            {
                any = true;
                foreach (var item in property.Value.EnumerateArray())
                {
                    output.Add(item.ValueKind != JsonValueKind.Object
                        ? UnknownEvent.Create(Platform, pageId, item, context, time, property.Name) with { Standby = standby }
                        : _parser.Parse(item, pageId, time, standby, context));
                }
            }
            else if (property.NameEquals("changes") && property.Value.ValueKind == JsonValueKind.Array)
            {
                any = true;
                foreach (var change in property.Value.EnumerateArray())
                {
                    output.Add(AccountChange.Create(Platform, pageId, change, time, context));
                }
            }
        }

        if (!any)
        {
            output.Add(UnknownEvent.Create(Platform, pageId, entry, context, time));
        }
    }
}
