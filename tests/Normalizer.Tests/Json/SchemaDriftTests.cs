using System.Text.Json;
using System.Text.RegularExpressions;
using Normalizer.Events;
using Normalizer.Json;
using Normalizer.Testing;

namespace Normalizer.Tests.Json;

public sealed partial class SchemaDriftTests
{
    public static TheoryData<string> SchemaFiles => new(SchemaExporter.All().Select(s => s.FileName));

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Export_Regenerated_MatchesCheckedInFile(string fileName)
    {
        var generated = SchemaExporter.All().Single(s => s.FileName == fileName).Json;

        var checkedIn = File.ReadAllText(Path.Combine(RepoPaths.Schemas, fileName));

        Assert.True(generated == checkedIn,
            $"schemas/{fileName} drifted from the C# types: run `dotnet run --project src/Host -- schemas export schemas` and commit it");
    }

    [Fact]
    public void Export_NormalizedEvent_IsDraft202012WithDescriptionsOnEveryField()
    {
        using var schema = JsonDocument.Parse(SchemaExporter.All().Single(s => s.FileName == "normalized-event.schema.json").Json);
        var root = schema.RootElement;

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        foreach (var property in root.GetProperty("properties").EnumerateObject())
        {
            Assert.True(property.Value.TryGetProperty("description", out _), $"'{property.Name}' has no description");
        }

        Assert.Equal(EventName.All, root.GetProperty("properties").GetProperty("event").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Readme_HasOneValidExamplePerEventName()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Schemas, "README.md"));

        var examples = JsonBlock().Matches(readme).Select(m => m.Groups[1].Value).ToList();

        foreach (var example in examples)
        {
            Assert.Empty(Testing.SchemaFiles.Errors(EventSchema.FileName, example));
        }

        var names = examples.Select(e => JsonDocument.Parse(e).RootElement.GetProperty("event").GetString()).ToList();
        Assert.Equal(EventName.All.Order(), names.Order());
    }

    [GeneratedRegex("```json\\n(.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
