using System.ComponentModel;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Normalizer.Json;

/// <summary>
/// Generates the integrators' JSON Schemas (draft 2020-12) from the C# types with the framework's
/// <see cref="JsonSchemaExporter"/>; descriptions come from <see cref="DescriptionAttribute"/>.
/// </summary>
public static class SchemaExporter
{
    private const string Draft = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>The schema files: file name → schema text.</summary>
    public static IReadOnlyList<(string FileName, string Json)> All() =>
    [
        ("normalized-event.schema.json", Export(NormalizerJsonContext.Default.NormalizedEvent, "Normalized event",
            "One Meta webhook update (Messenger, Instagram or WhatsApp) in Normalizer's normalized form. IDs are always strings.")),
        ("send-request.schema.json", Export(NormalizerJsonContext.Default.SendRequest, "Send request",
            "The body of POST /v1/messages: whom to reach, what to send, and which fallbacks are allowed.")),
        ("send-result.schema.json", Export(NormalizerJsonContext.Default.SendResult, "Send result",
            "The answer of POST /v1/messages: the channel, page and recipient actually used, every attempt, the fallback taken.")),
    ];

    /// <summary>The schema of one type, as indented JSON with a trailing newline.</summary>
    public static string Export(JsonTypeInfo type, string title, string description)
    {
        var options = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = AddDescription,
        };
        var node = type.Options.GetJsonSchemaAsNode(type.Type, options);
        var root = new JsonObject
        {
            ["$schema"] = Draft,
            ["$id"] = "https://normalizer.dev/schemas/" + FileNameOf(title),
            ["title"] = title,
            ["description"] = description,
        };
        foreach (var (key, value) in node.AsObject().ToList())
        {
            node.AsObject().Remove(key);
            if (key != "description")
            {
                root[key] = value;
            }
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }

    private static string FileNameOf(string title) => title.ToLowerInvariant().Replace(' ', '-') + ".schema.json";

    private static JsonNode AddDescription(JsonSchemaExporterContext context, JsonNode schema)
    {
        var provider = context.PropertyInfo?.AttributeProvider ?? (context.PropertyInfo is null ? context.TypeInfo.Type : null);
        var description = provider?.GetCustomAttributes(typeof(DescriptionAttribute), inherit: false)
            .OfType<DescriptionAttribute>().FirstOrDefault()?.Description;
        if (description is null && context.PropertyInfo is null)
        {
            description = context.TypeInfo.Type.GetCustomAttribute<DescriptionAttribute>()?.Description;
        }

        // Types with custom converters export as `true` (anything): say what they really are.
        var type = Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type;
        if (schema is not JsonObject obj)
        {
            obj = new JsonObject();
            if (type == typeof(DateTimeOffset))
            {
                obj["type"] = "string";
                obj["format"] = "date-time";
            }
            else if (type == typeof(Events.RawJson))
            {
                obj["type"] = "object";
            }
        }

        if (context.PropertyInfo is { Name: "event" } && context.PropertyInfo.DeclaringType == typeof(Events.NormalizedEvent))
        {
            obj["enum"] = new JsonArray(Events.EventName.All.Select(n => (JsonNode)n!).ToArray());
        }

        if (description is not null && !obj.ContainsKey("description"))
        {
            obj.Insert(0, "description", description);
        }

        RequireAlwaysWritten(context.TypeInfo, obj);
        return obj;
    }

    // A member written even when null (JsonIgnoreCondition.Never) is in every answer, so the schema requires it; the
    // list keeps the members' order.
    private static void RequireAlwaysWritten(JsonTypeInfo type, JsonObject schema)
    {
        if (type.Kind != JsonTypeInfoKind.Object || !type.Properties.Any(IsAlwaysWritten))
        {
            return;
        }

        var required = (schema["required"] as JsonArray)?.Select(n => n?.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
        schema["required"] = new JsonArray([.. type.Properties.Where(p => required.Contains(p.Name) || IsAlwaysWritten(p)).Select(p => (JsonNode)p.Name)]);
    }

    private static bool IsAlwaysWritten(JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: false)
            .OfType<JsonIgnoreAttribute>().Any(a => a.Condition == JsonIgnoreCondition.Never) == true;
}
