using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Normalizer.Events;

/// <summary>
/// The original JSON of an update (the event's <c>raw</c>): one complete JSON value as the UTF-8 bytes Meta sent,
/// usually a slice of the webhook body, written out unchanged (see <see cref="Channels.WebhookContext.Raw"/>) — always
/// on one line, so that a serialized event stays one line (JSON Lines, logs): a value sent across lines is compacted.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public readonly struct RawJson : IEquatable<RawJson>
{
    /// <summary>Wraps <paramref name="utf8"/>, which must hold one complete JSON value; the bytes are not copied.</summary>
    public RawJson(ReadOnlyMemory<byte> utf8) => Utf8 = utf8;

    /// <summary>The JSON text as UTF-8.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; }

    /// <summary>Whether the value is a JSON object (what the event schema asks of <c>raw</c>).</summary>
    public bool IsObject => Utf8.Span is [(byte)'{', ..];

    /// <summary>A copy of <paramref name="element"/>'s exact bytes (compacted when they span lines).</summary>
    public static RawJson CopyOf(JsonElement element)
    {
        var bytes = JsonMarshal.GetRawUtf8Value(element);
        return new(SpansLines(bytes) ? Compact(bytes) : bytes.ToArray());
    }

    /// <summary>
    /// <paramref name="json"/> (one complete JSON value) as it is, not copied, when it is on one line; else a compacted copy.
    /// </summary>
    public static RawJson Of(ReadOnlyMemory<byte> json)
    {
        return SpansLines(json.Span) ? new(Compact(json.Span)) : new(json);
    }

    /// <summary>
    /// Whether raw JSON bytes hold a line break. JSON strings cannot (control characters are escaped in them), so a
    /// break is whitespace between tokens.
    /// </summary>
    public static bool SpansLines(ReadOnlySpan<byte> json) => json.IndexOfAny((byte)'\n', (byte)'\r') >= 0;

    // Drops the whitespace between tokens of valid JSON, byte by byte: strings are copied as sent, escapes included (a
    // writer would unescape them, and refuses what Meta may still send, such as a lone surrogate "\ud800").
    private static byte[] Compact(ReadOnlySpan<byte> json)
    {
        var compact = new byte[json.Length];
        var (length, inString, escaped) = (0, false, false);
        foreach (var b in json)
        {
            if (inString)
            {
                (escaped, inString) = (!escaped && b == (byte)'\\', escaped || b != (byte)'"');
            }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
            {
                continue;
            }
            else
            {
                inString = b == (byte)'"';
            }

            compact[length++] = b;
        }

        Array.Resize(ref compact, length);
        return compact;
    }

    /// <summary>Parses the bytes (for readers of the event; the pipeline itself never needs to).</summary>
    public JsonElement Parse() => JsonElement.Parse(Utf8.Span);

    /// <inheritdoc />
    public bool Equals(RawJson other) => Utf8.Span.SequenceEqual(other.Utf8.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RawJson other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Utf8.Span);
        return hash.ToHashCode();
    }

    /// <summary>The JSON text.</summary>
    public override string ToString() => Encoding.UTF8.GetString(Utf8.Span);

    /// <summary>Byte-wise equality.</summary>
    public static bool operator ==(RawJson left, RawJson right) => left.Equals(right);

    /// <summary>Byte-wise inequality.</summary>
    public static bool operator !=(RawJson left, RawJson right) => !left.Equals(right);
}
