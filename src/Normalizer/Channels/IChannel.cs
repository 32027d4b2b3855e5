using System.Text.Json;
using Normalizer.Events;

namespace Normalizer.Channels;

/// <summary>
/// A channel plugin: one Meta platform's webhook format (and, later, its send API).
/// Implementations are singletons, registered with one <c>Add…()</c> call on <see cref="INormalizerBuilder"/>.
/// </summary>
public interface IChannel
{
    /// <summary>The platform this channel serves.</summary>
    Platform Platform { get; }

    /// <summary>The webhook <c>object</c> value this channel parses (<c>page</c>, <c>instagram</c>, …).</summary>
    string WebhookObject { get; }

    /// <summary>
    /// Appends one event per item of the entry <paramref name="entry"/> is on (its start, a reader over
    /// <see cref="WebhookContext.Body"/>) to <paramref name="output"/>, in payload order, and leaves the reader on the
    /// entry's end. Performs no I/O and never throws on odd input: an item it does not understand becomes
    /// <see cref="EventName.UnknownReceived"/> with the item in <c>raw</c>.
    /// </summary>
    void Normalize(ref Utf8JsonReader entry, WebhookContext context, List<NormalizedEvent> output);
}
