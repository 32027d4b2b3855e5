namespace Normalizer.Host.Endpoints;

/// <summary><c>GET /v1/deliveries</c>.</summary>
public sealed record DeliveryList(IReadOnlyList<DeliveryView> Data);
