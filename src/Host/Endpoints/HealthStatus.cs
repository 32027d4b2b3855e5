using Normalizer.Health;

namespace Normalizer.Host.Endpoints;

/// <summary>
/// <c>/healthz</c> and <c>/readyz</c>. <c>status</c>: <c>ok</c> (liveness), <c>ready</c>, <c>degraded</c> (503: a
/// background loop is failing or stalled, or the inbox lag is over its limit; <c>problems</c> says which) or
/// <c>unavailable</c> (503: the store does not answer).
/// </summary>
public sealed record HealthStatus(
    string Status, long? InboxPending = null, long? InboxLagMs = null, string? Error = null,
    IReadOnlyList<string>? Problems = null, IReadOnlyList<LoopSnapshot>? Loops = null);
