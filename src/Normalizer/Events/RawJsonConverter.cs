using System.Text.Json;
using System.Text.Json.Serialization;

namespace Normalizer.Events;

/// <summary>Writes <see cref="RawJson"/> as the value it holds, byte for byte; reads any JSON value into a copy.</summary>
public sealed class RawJsonConverter : JsonConverter<RawJson>
{
    /// <inheritdoc />
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return RawJson.CopyOf(document.RootElement);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Utf8.IsEmpty)
        {
            writer.WriteNullValue();
            return;
        }

        // The bytes were parsed (or produced) as one JSON value before they became raw; no second check.
        writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
    }
}
