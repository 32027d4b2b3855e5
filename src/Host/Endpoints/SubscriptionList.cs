namespace Normalizer.Host.Endpoints;

/// <summary><c>GET /v1/subscriptions</c>: every subscription, without secrets.</summary>
public sealed record SubscriptionList(IReadOnlyList<SubscriptionView> Data);
