using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Normalizer.Json;

/// <summary>Writes times as RFC 3339 UTC with milliseconds (<c>2026-11-22T02:11:30.123Z</c>).</summary>
public sealed class Rfc3339DateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString() ?? "", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        // Digits written by hand: a custom format string is parsed again on every call, and every event has a time.
        var t = value.UtcDateTime;
        Span<byte> text = stackalloc byte[24];
        "0000-00-00T00:00:00.000Z"u8.CopyTo(text);
        Digits(text[..4], t.Year);
        Digits(text.Slice(5, 2), t.Month);
        Digits(text.Slice(8, 2), t.Day);
        Digits(text.Slice(11, 2), t.Hour);
        Digits(text.Slice(14, 2), t.Minute);
        Digits(text.Slice(17, 2), t.Second);
        Digits(text.Slice(20, 3), t.Millisecond);
        writer.WriteStringValue(text);
    }

    private static void Digits(Span<byte> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--, value /= 10)
        {
            into[i] = (byte)('0' + (value % 10));
        }
    }
}
