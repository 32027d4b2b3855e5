using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;

namespace Normalizer.Testing;

/// <summary>
/// Validates JSON against any checked-in file of <c>schemas/</c> with a draft 2020-12 validator, the draft the
/// exporter writes (<c>$schema</c> of every file).
/// </summary>
public static class SchemaFiles
{
    // Lazy: parsing registers the schema under its $id in JsonSchema.Net's global registry, which refuses a second
    // registration, and GetOrAdd may run its factory twice when two tests load the same file at once.
    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> Loaded = new();

    /// <summary>The schema of one file, parsed once.</summary>
    public static JsonSchema Load(string fileName) =>
        Loaded.GetOrAdd(fileName, name => new Lazy<JsonSchema>(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Schemas, name))))).Value;

    /// <summary>Every failed keyword as "instance location: message"; empty when <paramref name="json"/> is valid.</summary>
    public static IReadOnlyList<string> Errors(string fileName, string json)
    {
        using var instance = JsonDocument.Parse(json);
        var results = Load(fileName).Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? []).Prepend(results)
            .SelectMany(r => (r.Errors ?? new Dictionary<string, string>()).Select(e => $"{r.InstanceLocation}: {e.Key} {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid (no keyword reported)"];
    }

    public static void AssertValid(string fileName, string json)
    {
        var errors = Errors(fileName, json);
        Xunit.Assert.True(errors.Count == 0, $"{fileName}: {string.Join("; ", errors)}\n{json}");
    }
}
