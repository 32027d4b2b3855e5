using System.Text.Json;

namespace Normalizer.Host.Docs;

/// <summary>One top-level property of a schema, as a row of the docs' field tables.</summary>
internal sealed record DocField(string Name, string Type, bool Required, string Description)
{
    /// <summary>The rows of every property of <paramref name="schema"/>, in the schema's order.</summary>
    public static IReadOnlyList<DocField> Of(JsonElement schema)
    {
        var required = schema.TryGetProperty("required", out var names)
            ? names.EnumerateArray().Select(n => n.GetString()).ToHashSet(StringComparer.Ordinal)
            : [];
        return [.. schema.GetProperty("properties").EnumerateObject().Select(p => new DocField(p.Name, TypeOf(p.Value), required.Contains(p.Name),
            p.Value.TryGetProperty("description", out var description) ? description.GetString() ?? "" : ""))];
    }

    // An enum lists its values; otherwise the JSON types. "null" is left out: the Required column says what is always there.
    private static string TypeOf(JsonElement property)
    {
        if (property.TryGetProperty("enum", out var values))
        {
            return string.Join(" | ", values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()));
        }

        if (!property.TryGetProperty("type", out var type))
        {
            return "any";
        }

        return type.ValueKind == JsonValueKind.Array
            ? string.Join(" | ", type.EnumerateArray().Select(t => t.GetString()).Where(t => t != "null"))
            : type.GetString() ?? "any";
    }
}
