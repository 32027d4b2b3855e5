using System.Text.Json;
using Normalizer.Events;
using Normalizer.Json;

namespace Normalizer.Testing;

/// <summary>Validates events against the checked-in <c>schemas/normalized-event.schema.json</c>.</summary>
public static class EventSchema
{
    public const string FileName = "normalized-event.schema.json";

    public static void AssertValid(NormalizedEvent evt)
    {
        var json = JsonSerializer.Serialize(evt, NormalizerJsonContext.Default.NormalizedEvent);
        var errors = SchemaFiles.Errors(FileName, json);
        Xunit.Assert.True(errors.Count == 0, $"event {evt.Event} does not match the schema: {string.Join("; ", errors)}\n{json}");
    }
}
