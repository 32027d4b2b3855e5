using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;

namespace Normalizer.Channels.MessengerPlatform;

/// <summary>
/// Reads one Messenger Platform entry (Messenger and Instagram share the shape): <c>messaging[]</c> and
/// <c>standby[]</c> items in payload order through the <see cref="MessagingParser"/>, <c>changes[]</c> through the
/// channel's own handler. An entry with none of them is kept as <c>unknown.received</c>.
/// </summary>
public static class MessagingEntry
{
    /// <summary>Builds the event of one <c>changes[]</c> item: (change, business id, entry time, context).</summary>
    public delegate NormalizedEvent ChangeHandler(JsonElement change, string businessId, long? entryTime, WebhookContext context);

    /// <summary>
    /// Appends the events of the entry <paramref name="reader"/> is on (its start) to <paramref name="output"/> and
    /// leaves the reader on the entry's end. Meta sends the entry's id and time before its items, which are then
    /// normalized as they are read; otherwise the entry is read a second time, knowing both.
    /// </summary>
    public static void Normalize(MessagingParser parser, ref Utf8JsonReader reader, WebhookContext context,
        List<NormalizedEvent> output, ChangeHandler changes)
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(changes);
        var entry = reader;
        var before = output.Count;
        var walk = new Walk(parser, changes);
        if (!walk.Read(ref reader, context, output, replay: false))
        {
            output.RemoveRange(before, output.Count - before);
            reader = entry;
            walk.Read(ref reader, context, output, replay: true);
        }

        if (!walk.AnyItems)
        {
            reader = entry;
            using var document = context.Parse(ref reader);
            output.Add(UnknownEvent.Create(parser.Platform, parser.BusinessType, walk.BusinessId, document.RootElement, context, walk.Time));
        }
    }

    // One pass over an entry. The first reads the id and time and the items that follow both; it says whether that was
    // all of them. A replay takes the id and time the first pass found last and reads every item.
    private struct Walk(MessagingParser parser, ChangeHandler changes)
    {
        public string BusinessId { get; private set; } = "";

        public long? Time { get; private set; }

        public bool AnyItems { get; private set; }

        public bool Read(ref Utf8JsonReader reader, WebhookContext context, List<NormalizedEvent> output, bool replay)
        {
            var (idSeen, timeSeen, itemsRead, complete) = (false, false, false, true);
            AnyItems = false;
            while (reader.NextProperty())
            {
                if (!replay && reader.ValueTextEquals("id"u8))
                {
                    BusinessId = BusinessIds.Read(ref reader) ?? "";
                    (idSeen, complete) = (true, complete && !itemsRead);
                    continue;
                }

                if (!replay && reader.ValueTextEquals("time"u8))
                {
                    Time = reader.ReadLong();
                    (timeSeen, complete) = (true, complete && !itemsRead);
                    continue;
                }

                var container = reader.ValueTextEquals("messaging"u8) ? "messaging"
                    : reader.ValueTextEquals("standby"u8) ? "standby"
                    : reader.ValueTextEquals("changes"u8) ? "changes"
                    : null;
                if (container is null)
                {
                    reader.Skip();
                    continue;
                }

                if (!reader.EnterArray())
                {
                    continue;
                }

                AnyItems = true;
                if (!replay && !(idSeen && timeSeen))
                {
                    reader.Skip();
                    complete = false;
                    continue;
                }

                itemsRead = true;
                Items(container, ref reader, context, output);
            }
            return complete;
        }

        private void Items(string container, ref Utf8JsonReader reader, WebhookContext context, List<NormalizedEvent> output)
        {
            var standby = container == "standby";
            while (reader.NextItem())
            {
                if (container != "changes" && reader.TokenType == JsonTokenType.StartObject)
                {
                    output.Add(parser.Parse(ref reader, BusinessId, Time, standby, context));
                    continue;
                }

                using var document = context.Parse(ref reader);
                output.Add(container == "changes"
                    ? changes(document.RootElement, BusinessId, Time, context)
                    : UnknownEvent.Create(parser.Platform, parser.BusinessType, BusinessId, document.RootElement, context, Time, container)
                        with { Standby = standby });
            }
        }
    }
}
