namespace Normalizer.Delivery;

/// <summary>A pending delivery whose turn has come: the head of its conversation's queue, due now.</summary>
/// <param name="Id">Delivery id.</param>
/// <param name="SubscriptionId">Whose webhook.</param>
/// <param name="EventId">The event id, sent as <c>webhook-id</c>.</param>
/// <param name="Attempts">Attempts already made (after a restart, possibly some).</param>
/// <param name="Body">The stored event JSON, sent as is.</param>
public sealed record DueDelivery(long Id, string SubscriptionId, string EventId, int Attempts, string Body);
