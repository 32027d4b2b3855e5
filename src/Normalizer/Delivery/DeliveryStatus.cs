namespace Normalizer.Delivery;

/// <summary>The states of a delivery, as stored in <c>deliveries.status</c>.</summary>
public static class DeliveryStatus
{
    /// <summary>Waiting for its first or next attempt.</summary>
    public const string Pending = "pending";

    /// <summary>The consumer answered 2xx.</summary>
    public const string Delivered = "delivered";

    /// <summary>Dead letter: attempts exhausted, or the subscription was deleted.</summary>
    public const string Dead = "dead";
}
