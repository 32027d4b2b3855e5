using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Normalizer.Delivery;
using Normalizer.Events;
using Normalizer.Host.Docs;
using Normalizer.Testing;

namespace Normalizer.Host.Tests.Docs;

public sealed partial class DocsExamplesTests
{
    [Fact]
    public void EventExamples_OnePerEventName_InTheSchemasOrder_EachValid()
    {
        var examples = DocsSite.EventExamples();

        Assert.Equal(EventName.All, examples.Select(e => e.Key));
        foreach (var (name, example) in examples)
        {
            Assert.Equal(name, example!["event"]!.GetValue<string>());
            SchemaFiles.AssertValid(EventSchema.FileName, example.ToJsonString());
        }
    }

    [Fact]
    public void EventExamples_AreThoseOfTheSchemasReadme()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Schemas, "README.md"));
        var inReadme = JsonBlock().Matches(readme).Select(m => JsonNode.Parse(m.Groups[1].Value)!).ToList();
        var examples = DocsSite.EventExamples();

        Assert.Equal(examples.Count, inReadme.Count);
        foreach (var example in inReadme)
        {
            var name = example["event"]!.GetValue<string>();
            Assert.True(JsonNode.DeepEquals(examples[name], example), $"{name}: event-examples.json and schemas/README.md differ: run scripts/render-schema-readme.py");
        }
    }

    [Theory]
    [InlineData("send_request", "send-request.schema.json")]
    [InlineData("send_result", "send-result.schema.json")]
    [InlineData("send_result_failed", "send-result.schema.json")]
    [InlineData("subscription", "subscription.schema.json")]
    public void ApiExamples_AreValid(string example, string schemaFile)
    {
        SchemaFiles.AssertValid(schemaFile, DocsSite.ApiExamples()[example]!.ToJsonString());
    }

    [Fact]
    public void SubscriptionExample_HasAUsableSecretAndKnownEventNames()
    {
        var subscription = DocsSite.ApiExamples()["subscription"]!;

        Assert.True(WebhookSecret.IsValid(subscription["secret"]!.GetValue<string>()));
        Assert.All(subscription["events"]!.AsArray(), e => Assert.True(EventName.IsKnown(e!.GetValue<string>())));
    }

    [GeneratedRegex("```json\\n(.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
