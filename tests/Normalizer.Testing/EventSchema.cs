using System.Text.Json;
using NJsonSchema;
using Normalizer.Events;
using Normalizer.Json;

namespace Normalizer.Testing;

/// <summary>Validates events against the checked-in <c>schemas/normalized-event.schema.json</c>.</summary>
public static class EventSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(RepoPaths.Schemas, "normalized-event.schema.json"))).GetAwaiter().GetResult());

    public static void AssertValid(NormalizedEvent evt)
    {
        var json = JsonSerializer.Serialize(evt, NormalizerJsonContext.Default.NormalizedEvent);
        var errors = Schema.Value.Validate(json);
        Xunit.Assert.True(errors.Count == 0,
            $"event {evt.Event} does not match the schema: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}"))}\n{json}");
    }
}
