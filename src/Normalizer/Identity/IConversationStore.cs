namespace Normalizer.Identity;

/// <summary>Conversations as the event log saw them: who, where, and when the customer last wrote.</summary>
public interface IConversationStore
{
    /// <summary>The conversation, or null when no event ever named it.</summary>
    Task<Conversation?> GetAsync(string conversationId, CancellationToken cancellationToken);
}
