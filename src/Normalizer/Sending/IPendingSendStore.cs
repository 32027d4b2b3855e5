namespace Normalizer.Sending;

/// <summary>The queue of sends waiting for their person to come back.</summary>
public interface IPendingSendStore
{
    /// <summary>Queues a send for a person; returns its id.</summary>
    Task<string> AddAsync(string personId, SendRequest request, CancellationToken cancellationToken);

    /// <summary>The person's waiting sends, oldest first.</summary>
    Task<IReadOnlyList<PendingSend>> ListPendingAsync(string personId, CancellationToken cancellationToken);

    /// <summary>Records the outcome of a queued send; it leaves the queue.</summary>
    Task CompleteAsync(string id, SendResult result, CancellationToken cancellationToken);
}
