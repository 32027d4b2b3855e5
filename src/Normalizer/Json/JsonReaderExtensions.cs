using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Normalizer.Json;

/// <summary>
/// The tolerant reads of <see cref="JsonElementExtensions"/> on a <see cref="Utf8JsonReader"/>, for parsers that walk a
/// body once. Each <c>Read…</c> is called with the reader on a property name: it moves to the value and consumes it
/// (a container it does not want is skipped whole). A value of an unexpected type reads as <c>null</c>; ID-like numbers
/// are read digit for digit. Called once per occurrence, so the last occurrence of a property wins, as in a
/// <see cref="JsonDocument"/> lookup.
/// </summary>
public static class JsonReaderExtensions
{
    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    public static bool NextProperty(ref this Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>Moves to the first token of the next item of the current array; false at its end.</summary>
    public static bool NextItem(ref this Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType != JsonTokenType.EndArray;

    /// <summary>Moves to the value; true when it is an object (then read its properties), else skips it.</summary>
    public static bool EnterObject(ref this Utf8JsonReader reader) => Enter(ref reader, JsonTokenType.StartObject);

    /// <summary>Moves to the value; true when it is an array (then read its items), else skips it.</summary>
    public static bool EnterArray(ref this Utf8JsonReader reader) => Enter(ref reader, JsonTokenType.StartArray);

    /// <summary>A string as text, a number as its exact source text, anything else null.</summary>
    public static string? ReadText(ref this Utf8JsonReader reader)
    {
        reader.Read();
        return reader.Text();
    }

    /// <summary><see cref="ReadText(ref Utf8JsonReader)"/>, but <paramref name="known"/> itself when the value equals it.</summary>
    public static string? ReadText(ref this Utf8JsonReader reader, string known)
    {
        reader.Read();
        return reader.Is(known) ? known : reader.Text();
    }

    /// <summary><see cref="ReadText(ref Utf8JsonReader)"/>, but the string of <paramref name="known"/> the value equals, if any.</summary>
    public static string? ReadText(ref this Utf8JsonReader reader, IReadOnlyList<string> known)
    {
        reader.Read();
        for (var i = 0; i < known.Count; i++)
        {
            if (reader.Is(known[i]))
            {
                return known[i];
            }
        }

        return reader.Text();
    }

    /// <summary>The value the reader is on as text (string, or a number's source text), else null (skipped).</summary>
    public static string? Text(ref this Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.StringValue();
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary>
    /// The string the reader is on, unescaped; one that JSON allows but Unicode does not (a lone surrogate escape such as
    /// <c>"\ud800"</c>, which <see cref="Utf8JsonReader.GetString"/> refuses) as its escaped source text, so that an odd
    /// character never costs an update.
    /// </summary>
    public static string StringValue(ref this Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
        }
    }

    /// <summary>A whole number given as a JSON number or a numeric string, else null.</summary>
    public static long? ReadLong(ref this Utf8JsonReader reader)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var n) ? n : null;
            case JsonTokenType.String:
                return long.TryParse(reader.StringValue(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary>A number given as a JSON number or a numeric string, else null.</summary>
    public static double? ReadDouble(ref this Utf8JsonReader reader)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetDouble(out var n) ? n : null;
            case JsonTokenType.String:
                return double.TryParse(reader.StringValue(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : null;
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary>A boolean, else null.</summary>
    public static bool? ReadBool(ref this Utf8JsonReader reader)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            default:
                reader.Skip();
                return null;
        }
    }

    // Whether the value is the string text, compared byte for byte. Only plain ASCII is compared (ids and names): any
    // other value reads as unequal and is then read as a new string of the same text.
    private static bool Is(ref this Utf8JsonReader reader, string text) =>
        reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && Ascii.Equals(reader.ValueSpan, text);

    private static bool Enter(ref Utf8JsonReader reader, JsonTokenType start)
    {
        reader.Read();
        if (reader.TokenType == start)
        {
            return true;
        }

        reader.Skip();
        return false;
    }
}
