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

    /// <summary>
    /// Deliveries in flight at once per subscription (each conversation has at most one), and the keep-alive connections
    /// kept per receiver.
    /// </summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>Partitions of a new subscription (conversations are hashed to one); an existing subscription keeps its count.</summary>
    public int Partitions { get; set; } = 16;

    /// <summary>Events read from the log per batch; a batch's attempts and cursor move are written in one transaction.</summary>
    public int BatchSize { get; set; } = 512;

    /// <summary>
    /// How long a host holds a subscription's partitions without renewing them; after a crash another host (or the restarted
    /// one) takes them over once it has passed. A host that stops normally hands them back at once.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the log is checked for new events when nothing wakes the worker (new events wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether webhooks may go to loopback, link-local, private and unspecified addresses. Off by default, so an API
    /// key cannot be used to reach the host's own network; local development and tests turn it on.
    /// </summary>
    public bool AllowPrivateDestinations { get; set; }
}
