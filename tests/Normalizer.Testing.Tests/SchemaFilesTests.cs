using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit.Sdk;

namespace Normalizer.Testing.Tests;

/// <summary>The schema check must reject what the schemas forbid, or every "matches the schema" assertion is empty.</summary>
public sealed partial class SchemaFilesTests
{
    [Fact]
    public void Errors_ValidEvent_IsEmpty()
    {
        var sut = ValidEvent();

        Assert.Empty(SchemaFiles.Errors(EventSchema.FileName, sut.ToJsonString()));
    }

    [Fact]
    public void Errors_EventNameOutsideTheEnum_ReportsTheEventProperty()
    {
        var sut = ValidEvent();
        sut["event"] = "message.teleported";

        var errors = SchemaFiles.Errors(EventSchema.FileName, sut.ToJsonString());

        Assert.Contains(errors, e => e.StartsWith("/event:", StringComparison.Ordinal));
    }

    [Fact]
    public void Errors_EventWithoutRequiredId_IsInvalid()
    {
        var sut = ValidEvent();
        sut.Remove("id");

        var errors = SchemaFiles.Errors(EventSchema.FileName, sut.ToJsonString());

        Assert.Contains(errors, e => e.Contains("required", StringComparison.Ordinal));
    }

    [Fact]
    public void Errors_NumericId_IsInvalidBecauseIdsAreStrings()
    {
        var sut = ValidEvent();
        sut["user_id"] = 7723419865501234;

        var errors = SchemaFiles.Errors(EventSchema.FileName, sut.ToJsonString());

        Assert.Contains(errors, e => e.StartsWith("/user_id:", StringComparison.Ordinal));
    }

    [Fact]
    public void AssertValid_SendRequestWithoutMessage_Fails()
    {
        var ex = Assert.Throws<TrueException>(() => SchemaFiles.AssertValid("send-request.schema.json", """{"to":"7723419865501234"}"""));

        Assert.Contains("send-request.schema.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssertValid_SendRequestWithMessage_Passes()
    {
        var json = """{"to":"7723419865501234","page_id":"104523987765432","message":{"type":"text","body":"hi"}}""";

        Assert.Empty(SchemaFiles.Errors("send-request.schema.json", json));
        SchemaFiles.AssertValid("send-request.schema.json", json);
    }

    // The first example of schemas/README.md, a message.received event.
    private static JsonObject ValidEvent()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Schemas, "README.md"));
        return JsonNode.Parse(JsonBlock().Match(readme).Groups[1].Value)!.AsObject();
    }

    [GeneratedRegex("```json\\n(.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
