using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Normalizer.Testing.FakeGraph;

/// <summary>The answer to one call, built before it is recorded and written.</summary>
internal sealed record GraphResult(int Status, string Body, string ContentType = GraphResult.Json)
{
    public const string Json = "application/json; charset=UTF-8";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    // Readable text in tests and the console: no \u0027 for apostrophes.
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static GraphResult Ok(JsonNode body) => new(200, body.ToJsonString(Options));
}
