using System.Globalization;
using System.Text.Json;

namespace Normalizer.Json;

/// <summary>
/// Tolerant readers over Meta's JSON: a missing property or one of an unexpected type reads as
/// <c>null</c>, never as an exception, and ID-like numbers are read digit for digit from the raw text.
/// </summary>
public static class JsonElementExtensions
{
    /// <summary>The named property (UTF-8 name, e.g. <c>"id"u8</c>) when <paramref name="element"/> is an object that has it.</summary>
    public static bool TryProp(this JsonElement element, ReadOnlySpan<byte> name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The named property when it is an object.</summary>
    public static JsonElement? Obj(this JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryProp(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    /// <summary>The property named by data (a message's <c>type</c>, say) when it is an object.</summary>
    public static JsonElement? Obj(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    /// <summary>Whether the object has the named property with a non-null value.</summary>
    public static bool Has(this JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryProp(name, out var v) && v.ValueKind != JsonValueKind.Null;

    /// <summary>
    /// A string property as text; a number as its exact source text (IDs above 2^53 keep every digit);
    /// anything else as null.
    /// </summary>
    public static string? Str(this JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryProp(name, out var v) ? v.AsText() : null;

    /// <summary>
    /// <see cref="Str(JsonElement, ReadOnlySpan{byte})"/>, but <paramref name="known"/> itself when the value equals it:
    /// an id seen on every item (the Page's) is not allocated again.
    /// </summary>
    public static string? Str(this JsonElement element, ReadOnlySpan<byte> name, string known) =>
        !element.TryProp(name, out var v) ? null
        : v.ValueKind == JsonValueKind.String && v.ValueEquals(known) ? known
        : v.AsText();

    /// <summary>A string or number value as text (numbers keep their source digits), else null.</summary>
    public static string? AsText(this JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.StringValue(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    /// <summary>
    /// A string value, unescaped; one that JSON allows but Unicode does not (a lone surrogate escape such as
    /// <c>"\ud800"</c>, which <see cref="JsonElement.GetString"/> refuses) as its escaped source text.
    /// </summary>
    public static string StringValue(this JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value);
            return System.Text.Encoding.UTF8.GetString(raw[1..^1]);
        }
    }

    /// <summary>A whole number given as a JSON number or a numeric string, else null.</summary>
    public static long? Long(this JsonElement element, ReadOnlySpan<byte> name)
    {
        if (!element.TryProp(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(v.StringValue(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }

    /// <summary>A number given as a JSON number or a numeric string, else null.</summary>
    public static double? Double(this JsonElement element, ReadOnlySpan<byte> name)
    {
        if (!element.TryProp(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetDouble(out var n) => n,
            JsonValueKind.String when double.TryParse(v.StringValue(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }

    /// <summary>A boolean property, else null.</summary>
    public static bool? Bool(this JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryProp(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        } : null;

    /// <summary>The elements of an array property; nothing when it is absent or not an array.</summary>
    public static JsonElement.ArrayEnumerator Items(this JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryProp(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : default;
}
