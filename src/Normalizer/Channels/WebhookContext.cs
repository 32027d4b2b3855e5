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
    /// The JSON being normalized (set by <see cref="WebhookNormalizer"/>: the body, or the part of it a channel reads).
    /// Readers over it give offsets into it; events keep slices of it as their <c>raw</c>, so its owner must not reuse
    /// the buffer while they live.
    /// </summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>
    /// The value <paramref name="reader"/> (a reader over <see cref="Body"/>) is on as a document over its bytes (not
    /// copied), for parts read through <see cref="JsonElement"/>s; the reader is moved past the value.
    /// </summary>
    public JsonDocument Parse(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return JsonDocument.Parse(Body[start..(int)reader.BytesConsumed]);
    }

    /// <summary><paramref name="element"/>'s exact bytes: a slice of <see cref="Body"/> when it was parsed from it, else a copy.</summary>
    public ReadOnlyMemory<byte> Bytes(JsonElement element)
    {
        var bytes = JsonMarshal.GetRawUtf8Value(element);
        return Body.Span.Overlaps(bytes, out var offset) && offset >= 0 && offset + bytes.Length <= Body.Length
            ? Body.Slice(offset, bytes.Length)
            : bytes.ToArray();
    }

    /// <summary><paramref name="element"/>'s exact bytes as <c>raw</c> (<see cref="RawJson.Of"/> of <see cref="Bytes"/>).</summary>
    public RawJson Raw(JsonElement element) => RawJson.Of(Bytes(element));
}
