namespace Normalizer.Delivery;

/// <summary>Section <c>Normalizer:Delivery</c>: retries, timeouts and parallelism of webhook delivery.</summary>
public sealed class DeliveryOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Normalizer:Delivery";

    /// <summary>Attempts per delivery, the first included; after the last one the delivery is dead.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Delay before the first retry; doubles with each retry (with jitter).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between two attempts.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Time allowed for one POST, until the response headers arrive.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries in flight at once (each conversation has at most one).</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>How often the store is checked for due deliveries when nothing wakes the worker.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether webhooks may go to loopback, link-local, private and unspecified addresses. Off by default, so an API
    /// key cannot be used to reach the host's own network; local development and tests turn it on.
    /// </summary>
    public bool AllowPrivateDestinations { get; set; }
}
