using Normalizer.Storage;
using System.Text.Json.Serialization;

namespace Normalizer.Host.Endpoints;

/// <summary><c>GET /v1/quarantine</c>: quarantined webhooks and the cursor to continue from.</summary>
public sealed record QuarantinePage(IReadOnlyList<QuarantineEntry> Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? NextCursor);
