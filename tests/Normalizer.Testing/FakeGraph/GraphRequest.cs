using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using WireMock;
using WireMock.Types;

namespace Normalizer.Testing.FakeGraph;

/// <summary>
/// A request as Graph sees it, read from the request WireMock received: path segments after the version, and one
/// parameter bag merged from the query string, a form body (values that look like JSON are parsed, as Graph does for
/// <c>recipient={"id":…}</c>) and a JSON body. <see cref="Query"/> and <see cref="Headers"/> hide the token.
/// </summary>
internal sealed partial class GraphRequest
{
    public required string Method { get; init; }

    public required string Path { get; init; }

    public required string? Version { get; init; }

    public required IReadOnlyList<string> Segments { get; init; }

    public required JsonObject Parameters { get; init; }

    public required string Body { get; init; }

    /// <summary>The body claimed to be JSON but did not parse.</summary>
    public required bool MalformedBody { get; init; }

    public required IReadOnlyDictionary<string, string> Query { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required string? Token { get; init; }

    public required FakeGraphTokenSource TokenSource { get; init; }

    public string? Proof => String("appsecret_proof");

    /// <summary>Reads the request WireMock received; the body is read as UTF-8 text.</summary>
    public static GraphRequest From(IRequestMessage message)
    {
        var body = message.Body ?? (message.BodyAsBytes is { } bytes ? Encoding.UTF8.GetString(bytes) : "");
        var headers = (message.Headers ?? new Dictionary<string, WireMockList<string>>())
            .ToDictionary(h => h.Key, h => string.Join(',', h.Value), StringComparer.OrdinalIgnoreCase);

        var parameters = new JsonObject();
        string? formToken = null, jsonToken = null;
        var malformed = false;
        var contentType = headers.GetValueOrDefault("Content-Type") ?? "";
        if (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var (key, value) in QueryHelpers.ParseQuery(body))
            {
                parameters[key] = ParseValue(value.ToString());
            }

            formToken = parameters["access_token"]?.GetValue<string>();
        }
        else if (body.TrimStart().StartsWith('{'))
        {
            try
            {
                if (JsonNode.Parse(body) is JsonObject json)
                {
                    foreach (var (key, value) in json.ToList())
                    {
                        json.Remove(key);
                        parameters[key] = value;
                    }

                    jsonToken = parameters["access_token"] is JsonValue v && v.TryGetValue<string>(out var t) ? t : null;
                }
            }
            catch (JsonException)
            {
                malformed = true;
            }
        }

        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in QueryHelpers.ParseQuery(message.RawQuery))
        {
            query[key] = value.ToString();
            parameters[key] ??= ParseValue(value.ToString());
        }

        var bearer = headers.GetValueOrDefault("Authorization") is { } auth
            && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? auth["Bearer ".Length..].Trim() : null;
        var (token, source) =
            query.TryGetValue("access_token", out var q) ? (q, FakeGraphTokenSource.Query)
            : formToken is not null ? (formToken, FakeGraphTokenSource.Form)
            : jsonToken is not null ? (jsonToken, FakeGraphTokenSource.JsonBody)
            : bearer is { Length: > 0 } ? (bearer, FakeGraphTokenSource.BearerHeader)
            : ((string?)null, FakeGraphTokenSource.None);

        var path = string.IsNullOrEmpty(message.Path) ? "/" : message.Path;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var version = segments.Length > 0 && VersionPattern().IsMatch(segments[0]) ? segments[0] : null;
        if (headers.ContainsKey("Authorization"))
        {
            headers["Authorization"] = "Bearer " + FakeGraphCall.Redacted;
        }

        return new GraphRequest
        {
            Method = message.Method,
            Path = path,
            Version = version,
            Segments = version is null ? segments : segments[1..],
            Parameters = parameters,
            Body = body,
            MalformedBody = malformed,
            Query = Redact(query),
            Headers = headers,
            Token = token,
            TokenSource = source,
        };
    }

    /// <summary>A parameter as text: strings as they are, numbers and booleans as their JSON text.</summary>
    public string? String(string name) => Parameters[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var node => node.ToJsonString(),
    };

    public JsonObject? Object(string name) => Parameters[name] as JsonObject;

    public bool Flag(string name) => String(name) is "true" or "1";

    private static JsonNode? ParseValue(string value)
    {
        var trimmed = value.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                return JsonNode.Parse(value);
            }
            catch (JsonException)
            {
                // Graph would reject it; keep the text so the endpoint reports what is missing.
            }
        }

        return JsonValue.Create(value);
    }

    private static Dictionary<string, string> Redact(Dictionary<string, string> query)
    {
        foreach (var key in new[] { "access_token" })
        {
            if (query.ContainsKey(key))
            {
                query[key] = FakeGraphCall.Redacted;
            }
        }

        return query;
    }

    [GeneratedRegex(@"^v\d+(\.\d+)?$")]
    private static partial Regex VersionPattern();
}
