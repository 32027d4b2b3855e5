namespace Normalizer.Host.Endpoints;

/// <summary><c>/healthz</c> and <c>/readyz</c>.</summary>
public sealed record HealthStatus(string Status, long? InboxPending = null, long? InboxLagMs = null, string? Error = null);
