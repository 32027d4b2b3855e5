using System.Net;
using System.Text.Json;

namespace Normalizer.Testing.Tests.FakeGraph;

/// <summary>An HTTP answer of the fake with the Graph error fields at hand.</summary>
internal sealed record GraphReply(HttpStatusCode Status, JsonElement Json)
{
    public JsonElement Error => Json.GetProperty("error");

    public int? Code => Json.TryGetProperty("error", out var e) ? e.GetProperty("code").GetInt32() : null;

    public int? Subcode => Json.TryGetProperty("error", out var e) && e.TryGetProperty("error_subcode", out var s) ? s.GetInt32() : null;

    public string? Message => Json.TryGetProperty("error", out var e) ? e.GetProperty("message").GetString() : null;

    public string Get(string name) => Json.GetProperty(name).GetString()!;
}
