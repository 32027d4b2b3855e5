using System.Text.Json;
using Normalizer.Channels.Messaging;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;

namespace Normalizer.Channels.Instagram;

/// <summary>
/// Instagram Messaging: <c>object: "instagram"</c>; DMs, echoes, reactions, seen, postbacks and referrals in
/// <c>entry[].messaging[]</c> (Messenger Platform shape, IGSIDs); comments and mentions in
/// <c>entry[].changes[]</c> (PLATFORM.md §2.4, §2.6).
/// </summary>
internal sealed class InstagramChannel : IChannel
{
    public const string HttpClientName = "Normalizer.Instagram";

    private readonly MessagingParser _parser = new(Platform.Instagram, IdType.Igsid);

    public Platform Platform => Platform.Instagram;

    public string WebhookObject => "instagram";

    public void Normalize(JsonElement entry, WebhookContext context, ICollection<NormalizedEvent> output)
    {
        var accountId = entry.Str("id") ?? "";
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
                        ? UnknownEvent.Create(Platform, accountId, item, context, time, property.Name) with { Standby = standby }
                        : _parser.Parse(item, accountId, time, standby, context));
                }
            }
            else if (property.NameEquals("changes") && property.Value.ValueKind == JsonValueKind.Array)
            {
                any = true;
                foreach (var change in property.Value.EnumerateArray())
                {
                    output.Add(InstagramChanges.Parse(change, accountId, time, context, _parser));
                }
            }
        }

        if (!any)
        {
            output.Add(UnknownEvent.Create(Platform, accountId, entry, context, time));
        }
    }
}
