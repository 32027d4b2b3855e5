using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace Normalizer.Testing.FakeGraph;

/// <summary>The answer to one call, as the logic layer builds it; WireMock writes and logs it.</summary>
internal sealed record GraphResult(int Status, string Body, string ContentType = GraphResult.Json)
{
    public const string Json = "application/json; charset=UTF-8";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    // Readable text in tests and the console: no \u0027 for apostrophes.
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static GraphResult Ok(JsonNode body) => new(200, body.ToJsonString(Options));

    /// <summary>WireMock's response message, with <paramref name="extraHeaders"/> (a script's) after the answer's own.</summary>
    public ResponseMessage ToResponse(IReadOnlyDictionary<string, string>? extraHeaders = null)
    {
        var response = new ResponseMessage
        {
            StatusCode = Status,
            BodyData = new BodyData { DetectedBodyType = BodyType.String, BodyAsString = Body, Encoding = Encoding.UTF8 },
            Headers = new Dictionary<string, WireMockList<string>>(StringComparer.OrdinalIgnoreCase),
        };
        response.AddHeader("Content-Type", ContentType);
        foreach (var (name, value) in Headers.Concat(extraHeaders ?? new Dictionary<string, string>()))
        {
            response.Headers[name] = new WireMockList<string>(value);
        }

        return response;
    }
}
