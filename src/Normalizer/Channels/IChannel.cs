using System.Text.Json;
using Normalizer.Events;

namespace Normalizer.Channels;

/// <summary>
/// A channel plugin: one platform's webhook format and the ID types of its events. Implementations are singletons,
/// registered with one <c>Add…()</c> call on <see cref="INormalizerBuilder"/>, which may also register the channel's
/// <see cref="IChannelSender"/>, <see cref="Identity.IChannelProfiles"/> and <see cref="Identity.IIdMatchingClient"/>.
/// </summary>
public interface IChannel
{
    /// <summary>The platform this channel serves.</summary>
    Platform Platform { get; }

    /// <summary>The webhook <c>object</c> value this channel parses (<c>page</c>, <c>instagram</c>, …).</summary>
    string WebhookObject { get; }

    /// <summary>The ID types this channel's events carry.</summary>
    ChannelIdTypes Ids { get; }

    /// <summary>
    /// Appends one event per item of the entry <paramref name="entry"/> is on (its start, a reader over
    /// <see cref="WebhookContext.Body"/>) to <paramref name="output"/>, in payload order, and leaves the reader on the
    /// entry's end. Performs no I/O and never throws on odd input: an item it does not understand becomes
    /// <see cref="EventName.UnknownReceived"/> with the item in <c>raw</c>.
    /// </summary>
    void Normalize(ref Utf8JsonReader entry, WebhookContext context, List<NormalizedEvent> output);
}
