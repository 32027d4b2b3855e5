namespace Normalizer.Host.Endpoints;

/// <summary>The 202 answer to a replay: how many deliveries were queued.</summary>
public sealed record ReplayAccepted(string SubscriptionId, int Queued);
