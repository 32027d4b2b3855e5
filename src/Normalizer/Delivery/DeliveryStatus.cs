namespace Normalizer.Delivery;

/// <summary>The states of a delivery, as listed (derived from its attempts and retry row).</summary>
public static class DeliveryStatus
{
    /// <summary>Waiting for its first or next attempt.</summary>
    public const string Pending = "pending";

    /// <summary>The consumer answered 2xx.</summary>
    public const string Delivered = "delivered";

    /// <summary>Dead letter: attempts exhausted, or the subscription was deleted while it waited for a retry.</summary>
    public const string Dead = "dead";
}
