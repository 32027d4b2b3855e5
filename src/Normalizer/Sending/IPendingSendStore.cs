namespace Normalizer.Sending;

/// <summary>The queue of sends waiting for their person to come back.</summary>
public interface IPendingSendStore
{
    /// <summary>Queues a send for a person; returns its id.</summary>
    Task<string> AddAsync(string personId, SendRequest request, CancellationToken cancellationToken);

    /// <summary>The person's waiting sends (and those taken but never finished), oldest first.</summary>
    Task<IReadOnlyList<PendingSend>> ListPendingAsync(string personId, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the person of the contact (<paramref name="scopedId"/>, <paramref name="scopeId"/>) has sends waiting: one
    /// indexed query, asked when a customer writes.
    /// </summary>
    Task<bool> HasPendingAsync(string scopedId, string scopeId, CancellationToken cancellationToken);

    /// <summary>
    /// Takes a waiting send for this host: true once, for the first caller, whichever host it runs on, so a queued message
    /// is sent once even when two hosts relink the same person. A send taken by a host that stopped before recording its
    /// outcome is given out again after <paramref name="staleAfter"/>.
    /// </summary>
    Task<bool> ClaimAsync(string id, TimeSpan staleAfter, CancellationToken cancellationToken);

    /// <summary>Records the outcome of a queued send; it leaves the queue.</summary>
    Task CompleteAsync(string id, SendResult result, CancellationToken cancellationToken);
}
