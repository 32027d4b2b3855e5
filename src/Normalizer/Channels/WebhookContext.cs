using System.Runtime.InteropServices;
using System.Text.Json;
using Normalizer.Events;

namespace Normalizer.Channels;

/// <summary>What the host knows about a webhook delivery, and the body the events' <c>raw</c> values point into.</summary>
/// <param name="ReceivedAt">When Normalizer received the webhook.</param>
/// <param name="SignatureVerified">Whether X-Hub-Signature-256 matched an app secret.</param>
public readonly record struct WebhookContext(DateTimeOffset ReceivedAt, bool SignatureVerified)
{
    /// <summary>
    /// The webhook body being normalized (set by <see cref="WebhookNormalizer"/>). Events keep slices of it as
    /// their <c>raw</c>, so its owner must not reuse the buffer while they live.
    /// </summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>
    /// <paramref name="element"/>'s exact bytes as <c>raw</c>: a slice of <see cref="Body"/> when the element was parsed
    /// from it and is on one line (no copy), else a copy (<see cref="RawJson.CopyOf"/>).
    /// </summary>
    public RawJson Raw(JsonElement element)
    {
        var bytes = JsonMarshal.GetRawUtf8Value(element);
        return Body.Span.Overlaps(bytes, out var offset) && offset >= 0 && offset + bytes.Length <= Body.Length && !RawJson.SpansLines(bytes)
            ? new RawJson(Body.Slice(offset, bytes.Length))
            : RawJson.CopyOf(element);
    }
}
