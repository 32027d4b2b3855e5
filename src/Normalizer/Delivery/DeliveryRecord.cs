namespace Normalizer.Delivery;

/// <summary>A delivery and its attempts, for <c>GET /v1/deliveries</c>.</summary>
public sealed record DeliveryRecord
{
    /// <summary>Delivery id: subscription, event position, and which delivery of that event it is (1, then 2 after a replay…).</summary>
    public required string Id { get; init; }

    /// <summary>Whose webhook.</summary>
    public required string SubscriptionId { get; init; }

    /// <summary>The event delivered.</summary>
    public required string EventId { get; init; }

    /// <summary>The event's conversation (deliveries of one conversation go in order).</summary>
    public string? ConversationId { get; init; }

    /// <summary><see cref="DeliveryStatus"/>.</summary>
    public required string Status { get; init; }

    /// <summary>When its first attempt started (or, waiting behind its conversation, when it was parked).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it is next attempted (pending deliveries only).</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>The attempts so far, in order.</summary>
    public required IReadOnlyList<DeliveryAttempt> Attempts { get; init; }
}
