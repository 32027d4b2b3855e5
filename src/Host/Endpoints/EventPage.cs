using Normalizer.Events;
using System.Text.Json.Serialization;

namespace Normalizer.Host.Endpoints;

/// <summary><c>GET /v1/events</c>: a page of events and the cursor to continue from.</summary>
public sealed record EventPage(IReadOnlyList<NormalizedEvent> Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? NextCursor);
