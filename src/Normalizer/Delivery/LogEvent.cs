namespace Normalizer.Delivery;

/// <summary>An event read from the log for delivery.</summary>
/// <param name="Seq">Its log position.</param>
/// <param name="Id">The event id, sent as <c>webhook-id</c>.</param>
/// <param name="ConversationId">Its conversation; null for events of none.</param>
/// <param name="Body">The stored JSON with the customer's contact_id and person_id added as it is read, sent as is.</param>
public sealed record LogEvent(long Seq, string Id, string? ConversationId, string Body)
{
    /// <summary>What orders deliveries: the conversation, or the event itself when it has none.</summary>
    public string ConversationKey => ConversationId ?? Id;
}
