using Normalizer.Delivery;

namespace Normalizer.Host.Endpoints;

/// <summary>A delivery of one event to one subscription, with its attempts.</summary>
public sealed record DeliveryView(
    string Id, string SubscriptionId, string EventId, string? ConversationId, string Status, DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt, IReadOnlyList<DeliveryAttemptView> Attempts)
{
    public static DeliveryView From(DeliveryRecord record) => new(
        record.Id, record.SubscriptionId, record.EventId, record.ConversationId, record.Status,
        record.CreatedAt, record.NextAttemptAt, [.. record.Attempts.Select(DeliveryAttemptView.From)]);
}
