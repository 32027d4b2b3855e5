using System.Text.Json;
using Normalizer.Events;
using Normalizer.Json;

namespace Normalizer.Channels.Messaging;

/// <summary>
/// Walks one Messenger Platform entry (Messenger and Instagram share the shape): <c>messaging[]</c> and
/// <c>standby[]</c> items in payload order through the <see cref="MessagingParser"/>, <c>changes[]</c> through the
/// channel's own handler. An entry with none of them is kept as <c>unknown.received</c>.
/// </summary>
public static class MessagingEntry
{
    /// <summary>Builds the event of one <c>changes[]</c> item: (change, business id, entry time, context).</summary>
    public delegate NormalizedEvent ChangeHandler(JsonElement change, string businessId, long? entryTime, WebhookContext context);

    /// <summary>Appends the events of <paramref name="entry"/> to <paramref name="output"/>.</summary>
    public static void Normalize(MessagingParser parser, Platform platform, JsonElement entry, WebhookContext context,
        ICollection<NormalizedEvent> output, ChangeHandler changes)
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(changes);
        var businessId = entry.Str("id"u8) ?? "";
        var time = entry.Long("time"u8);
        var any = false;
        foreach (var property in entry.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var standby = property.NameEquals("standby"u8);
            if (standby || property.NameEquals("messaging"u8))
            {
                any = true;
                foreach (var item in property.Value.EnumerateArray())
                {
                    output.Add(item.ValueKind != JsonValueKind.Object
                        ? UnknownEvent.Create(platform, businessId, item, context, time, property.Name) with { Standby = standby }
                        : parser.Parse(item, businessId, time, standby, context));
                }
            }
            else if (property.NameEquals("changes"u8))
            {
                any = true;
                foreach (var change in property.Value.EnumerateArray())
                {
                    output.Add(changes(change, businessId, time, context));
                }
            }
        }

        if (!any)
        {
            output.Add(UnknownEvent.Create(platform, businessId, entry, context, time));
        }
    }
}
