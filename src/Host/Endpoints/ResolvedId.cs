using System.Text.Json.Serialization;

namespace Normalizer.Host.Endpoints;

/// <summary>One ASID and its PSID on the Page, or why there is none (both written, null or not).</summary>
public sealed record ResolvedId(
    string Asid,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Psid,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Error);
