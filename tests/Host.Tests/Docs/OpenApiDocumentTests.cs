using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.OpenApi;

namespace Normalizer.Host.Tests.Docs;

public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    private NormalizerApplication _app = null!;
    private string _json = "";
    private JsonNode _document = null!;

    public async Task InitializeAsync()
    {
        _app = new NormalizerApplication(processInbox: false);
        using var client = _app.CreateClient();
        _json = await client.GetStringAsync("/openapi/v1.json");
        _document = JsonNode.Parse(_json)!;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void Document_ReadBackByMicrosoftOpenApi_HasNoErrorsAndPassesItsRules()
    {
        var read = OpenApiDocument.Parse(_json, "json");

        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.NotNull(read.Document);
        Assert.Empty(read.Document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        Assert.StartsWith("3.1", _document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Info_NamesTheApiAndItsVersion()
    {
        var info = _document["info"]!;

        Assert.Equal("Normalizer API", info["title"]!.GetValue<string>());
        Assert.Equal("v1", info["version"]!.GetValue<string>());
        Assert.Contains("Authorization: Bearer", info["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void V1Operations_RequireTheBearerApiKey_AndOthersDoNot()
    {
        var scheme = _document["components"]!["securitySchemes"]!["apiKey"]!;
        Assert.Equal("http", scheme["type"]!.GetValue<string>());
        Assert.Equal("bearer", scheme["scheme"]!.GetValue<string>());

        var operations = Operations().ToList();
        Assert.Contains(operations, o => o.Path == "/v1/messages");
        foreach (var (path, method, operation) in operations)
        {
            var security = operation["security"]?.AsArray();
            if (path.StartsWith("/v1/", StringComparison.Ordinal))
            {
                var requirement = Assert.Single(security!)!.AsObject();
                Assert.Equal("apiKey", Assert.Single(requirement).Key);
                Assert.Contains("401", ErrorStatuses(operation));
                Assert.True(operation["responses"]!["429"] is not null, $"{method} {path} does not describe 429");
            }
            else
            {
                Assert.True(security is null, $"{method} {path} should not ask for the API key");
            }
        }
    }

    [Theory]
    [InlineData("post", "/webhooks/{channel}", new[] { "400", "401", "413", "503" })]
    [InlineData("get", "/webhooks/{channel}", new[] { "403" })]
    [InlineData("get", "/v1/events", new[] { "400", "401", "429" })]
    [InlineData("get", "/v1/events/{id}", new[] { "401", "404", "429" })]
    [InlineData("post", "/v1/messages", new[] { "400", "401" })]
    [InlineData("post", "/v1/subscriptions", new[] { "400", "401", "429" })]
    [InlineData("post", "/v1/subscriptions/{id}/replay", new[] { "400", "401", "404", "429" })]
    [InlineData("put", "/v1/templates/{name}", new[] { "400", "401", "413", "429" })]
    [InlineData("post", "/v1/identities/resolve", new[] { "400", "401", "413", "422", "429" })]
    public void ErrorAnswers_AreDescribedWithTheErrorBody(string method, string path, string[] statuses)
    {
        var operation = _document["paths"]![path]![method]!;

        Assert.Equal(statuses.Order(), ErrorStatuses(operation).Order());
    }

    [Fact]
    public async Task ErrorSchema_DescribesWhatTheApiAnswers()
    {
        var schema = JsonSchema.FromText(_document["components"]!["schemas"]!["ApiError"]!.ToJsonString());
        using var client = _app.CreateClient();

        var unauthorized = await client.GetAsync("/v1/events");
        using var api = _app.Api();
        var notFound = await api.GetAsync("/v1/events/evt_00000000000000000000000000000000");

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        foreach (var answer in new[] { unauthorized, notFound })
        {
            var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(schema.Evaluate(body).IsValid, body.ToString());
        }

        Assert.False(schema.Evaluate(JsonDocument.Parse("""{"code":"x","message":"y"}""").RootElement).IsValid);
    }

    [Fact]
    public void SendOperation_DescribesItsResultForEveryStatus()
    {
        var responses = _document["paths"]!["/v1/messages"]!["post"]!["responses"]!.AsObject();

        foreach (var status in new[] { "200", "202", "422", "502" })
        {
            Assert.Equal("#/components/schemas/SendResult",
                responses[status]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        }

        Assert.NotNull(_document["paths"]!["/v1/messages"]!["post"]!["requestBody"]!["content"]!["application/json"]);

        // 429 is Meta's rate limit outlasting the retries (a send result) or too many requests without a key (an error).
        var limited = responses["429"]!["content"]!["application/json"]!["schema"]!["oneOf"]!.AsArray().Select(s => s!["$ref"]!.GetValue<string>());
        Assert.Equal(["#/components/schemas/SendResult", "#/components/schemas/ApiError"], limited);
    }

    // The statuses ≥ 400 answered with the error body (a reference to the ApiError schema).
    private static HashSet<string> ErrorStatuses(JsonNode operation) =>
        [.. operation["responses"]!.AsObject()
            .Where(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture) >= 400
                && r.Value!["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>() == "#/components/schemas/ApiError")
            .Select(r => r.Key)];

    private IEnumerable<(string Path, string Method, JsonNode Operation)> Operations() =>
        _document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (p.Key, o.Key, o.Value!)));
}
