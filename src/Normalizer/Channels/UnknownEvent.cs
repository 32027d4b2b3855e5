using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Channels;

/// <summary>Builds <see cref="EventName.UnknownReceived"/> events: nothing Meta sends is ever dropped.</summary>
public static class UnknownEvent
{
    /// <summary>
    /// An unknown item of <paramref name="pageId"/>'s webhook, keyed by a hash of its exact bytes so a
    /// redelivery of the same item is still recognized.
    /// </summary>
    public static NormalizedEvent Create(
        Platform platform, string pageId, JsonElement item, WebhookContext context, long? metaTimestamp)
    {
        var (seconds, ms) = metaTimestamp is { } t ? Timestamps.Split(t) : (context.ReceivedAt.ToUnixTimeSeconds(), null);
        return new NormalizedEvent
        {
            Id = EventIds.Event(platform, pageId, "unknown:" + ContentKey.Of(item)),
            Platform = platform,
            Event = EventName.UnknownReceived,
            Timestamp = seconds,
            TimestampMs = ms,
            ReceivedAt = context.ReceivedAt,
            PageId = pageId,
            PageIdType = IdTypes.BusinessType(platform),
            SignatureVerified = context.SignatureVerified,
            Standby = false,
            Raw = item.Clone(),
        };
    }
}
