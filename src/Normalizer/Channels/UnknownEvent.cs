using System.Buffers;
using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Channels;

/// <summary>Builds <see cref="EventName.UnknownReceived"/> events: nothing Meta sends is ever dropped.</summary>
public static class UnknownEvent
{
    /// <summary>
    /// An unknown item of <paramref name="pageId"/>'s webhook, keyed by a hash of its exact bytes so a
    /// redelivery of the same item is still recognized. <c>raw</c> is always an object (the schema says so):
    /// an item that is not one (a number, a string, null…) is kept as <c>{ "&lt;container&gt;": item }</c>.
    /// </summary>
    /// <param name="platform">The channel.</param>
    /// <param name="pageIdType">The type of <paramref name="pageId"/> (the channel's <see cref="ChannelIdTypes.Business"/>).</param>
    /// <param name="pageId">The entry's id (empty when it has none).</param>
    /// <param name="item">The item as Meta sent it.</param>
    /// <param name="context">The delivery.</param>
    /// <param name="metaTimestamp">The item's or entry's timestamp, when there is one.</param>
    /// <param name="container">Where the item was found (messaging, standby, changes, entry), for wrapping.</param>
    public static NormalizedEvent Create(
        Platform platform, IdType pageIdType, string pageId, JsonElement item, WebhookContext context, long? metaTimestamp, string container = "item")
    {
        var time = Timestamps.Choose(metaTimestamp, null, null, context.ReceivedAt);
        return new NormalizedEvent
        {
            Id = EventIds.Event(platform, pageId, "unknown:" + ContentKey.Of(item)),
            Platform = platform,
            Event = EventName.UnknownReceived,
            Timestamp = time.Seconds,
            TimestampMs = time.Milliseconds,
            TimestampSource = time.Source,
            ReceivedAt = context.ReceivedAt,
            PageId = pageId,
            PageIdType = pageIdType,
            SignatureVerified = context.SignatureVerified,
            Standby = false,
            Raw = item.ValueKind == JsonValueKind.Object ? context.Raw(item) : Wrap(container, item),
        };
    }

    private static RawJson Wrap(string container, JsonElement item)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName(container);
            item.WriteTo(writer);
            writer.WriteEndObject();
        }

        return new RawJson(buffer.WrittenMemory);
    }
}
