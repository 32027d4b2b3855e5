using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Normalizer.Host.Docs;
using Normalizer.Testing;

namespace Normalizer.Host.Tests.Docs;

public sealed partial class DocsPageTests : IAsyncLifetime
{
    private NormalizerApplication _app = null!;
    private string _page = "";

    public async Task InitializeAsync()
    {
        _app = new NormalizerApplication(processInbox: false);
        using var client = _app.CreateClient();
        var response = await client.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        _page = await response.Content.ReadAsStringAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void Page_HasASectionWithTheExampleOfEveryEventNameOfTheSchema()
    {
        var names = SchemaEnum("normalized-event.schema.json", "event");
        var examples = DocsSite.EventExamples();

        foreach (var name in names)
        {
            var section = EventSection(name).Match(_page);
            Assert.True(section.Success, $"no section for {name}");
            var shown = JsonNode.Parse(WebUtility.HtmlDecode(section.Groups["json"].Value))!;
            Assert.Equal(name, shown["event"]!.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(examples[name], shown), $"the example of {name} is not the one of event-examples.json");
            Assert.Contains($"href=\"#event-{name.Replace('.', '-')}\"", _page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("normalized-event.schema.json")]
    [InlineData("send-request.schema.json")]
    [InlineData("send-result.schema.json")]
    [InlineData("subscription.schema.json")]
    public void Page_ListsEveryFieldOfEachSchema(string fileName)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Schemas, fileName)));

        foreach (var field in schema.RootElement.GetProperty("properties").EnumerateObject())
        {
            Assert.Contains($"<tr><td><code>{field.Name}</code></td>", _page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Page_ShowsTheSendRequestAndResult_TheSubscription_AndTheSignatureSnippets()
    {
        var blocks = CodeBlocks().Matches(_page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var api = DocsSite.ApiExamples();

        foreach (var example in new[] { "send_request", "send_result", "send_result_failed", "subscription" })
        {
            Assert.Contains(blocks, b => b.TrimStart().StartsWith('{') && JsonNode.DeepEquals(JsonNode.Parse(b), api[example]));
        }

        Assert.Contains(File.ReadAllText(Path.Combine(RepoPaths.Root, "src/Host/Docs/Snippets", DocsSite.CSharpSnippet)), blocks);
        Assert.Contains(File.ReadAllText(Path.Combine(RepoPaths.Root, "src/Host/Docs/Snippets", DocsSite.NodeSnippet)), blocks);
        Assert.Contains(File.ReadAllText(Path.Combine(RepoPaths.Root, "src/Host/Docs/Snippets", DocsSite.PythonSnippet)), blocks);
        foreach (var header in new[] { "webhook-id", "webhook-timestamp", "webhook-signature" })
        {
            Assert.Contains($"<td><code>{header}</code></td>", _page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Page_NeedsNoScriptAndNothingFromElsewhere()
    {
        Assert.DoesNotContain("<script", _page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//(?!www\\.standardwebhooks\\.com/)", _page);
    }

    [Theory]
    [InlineData("normalized-event.schema.json")]
    [InlineData("subscription.schema.json")]
    public async Task SchemaLinks_ServeTheCheckedInSchemas(string fileName)
    {
        using var client = _app.CreateClient();

        Assert.Contains($"href=\"/docs/schemas/{fileName}\"", _page, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Schemas, fileName)), await client.GetStringAsync("/docs/schemas/" + fileName));
    }

    [Fact]
    public async Task UnknownSchema_Is404WithTheErrorBody()
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync("/docs/schemas/secrets.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ApiReference_IsServedWithItsScriptsFromTheHost()
    {
        using var client = _app.CreateClient();

        var page = await client.GetStringAsync("/docs/api/");

        var sources = ScriptSources().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            Assert.DoesNotContain("//", source, StringComparison.Ordinal);
            var script = await client.GetAsync("/docs/api/" + source);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 1000, $"{source} is empty");
        }

        Assert.Contains("\"url\":\"openapi/v1.json\"", page, StringComparison.Ordinal);
        Assert.Contains("<title>Normalizer API</title>", page, StringComparison.Ordinal);
        // Nothing that would reach Scalar's servers: web fonts, telemetry, the AI chat.
        foreach (var setting in new[] { "\"withDefaultFonts\":false", "\"telemetry\":false", "\"agent\":{\"disabled\":true}" })
        {
            Assert.Contains(setting, page, StringComparison.Ordinal);
        }
    }

    private static List<string> SchemaEnum(string fileName, string property)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Schemas, fileName)));
        return [.. schema.RootElement.GetProperty("properties").GetProperty(property).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!)];
    }

    private static Regex EventSection(string name) => new(
        $"<h3 id=\"event-{Regex.Escape(name.Replace('.', '-'))}\"><code>{Regex.Escape(name)}</code></h3>\\s*<p>[^<]*</p>\\s*<pre><code>(?<json>.*?)</code></pre>",
        RegexOptions.Singleline);

    [GeneratedRegex("<pre><code>(.*?)</code></pre>", RegexOptions.Singleline)]
    private static partial Regex CodeBlocks();

    [GeneratedRegex("<script[^>]* src=\"([^\"]+)\"")]
    private static partial Regex ScriptSources();
}
