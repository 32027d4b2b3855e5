using System.Collections.Concurrent;
using NJsonSchema;

namespace Normalizer.Testing;

/// <summary>Validates JSON against any checked-in file of <c>schemas/</c>.</summary>
public static class SchemaFiles
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Loaded = new();

    public static void AssertValid(string fileName, string json)
    {
        var schema = Loaded.GetOrAdd(fileName, name =>
            JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(RepoPaths.Schemas, name))).GetAwaiter().GetResult());
        var errors = schema.Validate(json);
        Xunit.Assert.True(errors.Count == 0,
            $"{fileName}: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}"))}\n{json}");
    }
}
