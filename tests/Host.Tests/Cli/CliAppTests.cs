using System.Text.Json;
using Normalizer.Host.Cli;
using Normalizer.Testing;

namespace Normalizer.Host.Tests.Cli;

public sealed class CliAppTests
{
    private static (int Code, string Out, string Err) Run(string[] args, string stdin = "")
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, new StringReader(stdin), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Normalize_MessengerSample_PrintsThreeJsonLinesAndExits0()
    {
        var path = Path.Combine(RepoPaths.SharedSamples, "messenger-text-batch.json");

        var (code, output, error) = Run(["normalize", path]);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        var events = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["message.received|7723419865501234|104523987765432", "message.received|7723419865501234|104523987765432", "postback.received|6541203398761122|231198744410002"],
            events.Select(e => $"{e.GetProperty("event").GetString()}|{e.GetProperty("from").GetString()}|{e.GetProperty("page_id").GetString()}"));
        Assert.All(events, e => Assert.Equal("facebook", e.GetProperty("platform").GetString()));
    }

    [Fact]
    public void Normalize_Stdin_ReadsTheBody()
    {
        var body = File.ReadAllText(Path.Combine(RepoPaths.SharedSamples, "instagram-text.json"));

        var (code, output, _) = Run(["normalize", "-"], body);

        Assert.Equal(0, code);
        Assert.Equal("instagram", JsonDocument.Parse(output.Trim()).RootElement.GetProperty("platform").GetString());
    }

    [Fact]
    public void Normalize_Pretty_IndentsTheJson()
    {
        var (code, output, _) = Run(["normalize", Path.Combine(RepoPaths.SharedSamples, "instagram-text.json"), "--pretty"]);

        Assert.Equal(0, code);
        Assert.StartsWith("{\n  \"id\": \"evt_", output.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("{\"object\":\"page\",\"entry\":[{\"id\":\"1\"", "truncated")]
    [InlineData("{\"object\":\"page\",\"entry\":[}", "not valid JSON")]
    [InlineData("{\"object\":\"telegram\",\"entry\":[]}", "unknown object 'telegram'")]
    [InlineData("", "empty")]
    public void Normalize_BadInput_Exits2WithOneLineSayingWhy(string body, string reason)
    {
        var (code, output, error) = Run(["normalize", "-"], body);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Normalize_PlatformMismatch_Exits2()
    {
        var (code, _, error) = Run(["normalize", Path.Combine(RepoPaths.SharedSamples, "instagram-text.json"), "--platform", "whatsapp"]);

        Assert.Equal(2, code);
        Assert.Contains("does not belong to the whatsapp channel", error);
    }

    [Fact]
    public void Normalize_PlatformForcedOnBodyWithoutObject_UsesThatChannel()
    {
        var body = """{"entry":[{"id":"17841455512345678","time":1763712200987,"messaging":[{"sender":{"id":"1123581321345589"},"recipient":{"id":"17841455512345678"},"timestamp":1763712200912,"message":{"mid":"aWdf1","text":"hi"}}]}]}""";

        var (code, output, _) = Run(["normalize", "-", "--platform", "instagram"], body);

        Assert.Equal(0, code);
        Assert.Equal("IGSID", JsonDocument.Parse(output.Trim()).RootElement.GetProperty("from_type").GetString());
    }

    [Fact]
    public void Normalize_MissingFile_Exits2()
    {
        var (code, _, error) = Run(["normalize", "/nonexistent/body.json"]);

        Assert.Equal(2, code);
        Assert.Contains("cannot read", error);
    }

    [Fact]
    public void SchemasExport_WritesExactlyTheCheckedInSchemas()
    {
        var dir = Path.Combine(Path.GetTempPath(), "normalizer-schemas-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, _, _) = Run(["schemas", "export", dir]);

            Assert.Equal(0, code);
            var written = Directory.GetFiles(dir).Select(Path.GetFileName).Order().ToList();
            Assert.Equal(["normalized-event.schema.json", "send-request.schema.json", "send-result.schema.json", "subscription.schema.json"], written);
            foreach (var name in written)
            {
                Assert.True(File.ReadAllText(Path.Combine(RepoPaths.Schemas, name!)) == File.ReadAllText(Path.Combine(dir, name!)),
                    $"schemas/{name} drifted: run `dotnet run --project src/Host -- schemas export schemas` and commit it");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
