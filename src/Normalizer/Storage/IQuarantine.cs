namespace Normalizer.Storage;

/// <summary>Webhooks and events that could not be processed, kept with the reason.</summary>
public interface IQuarantine
{
    /// <summary>Quarantines inside the session's transaction; an inbox row has one record at most (a second is not added).</summary>
    Task AddAsync(StoreSession session, long? inboxId, string? eventId, string reason, ReadOnlyMemory<byte> body,
        long receivedAt, CancellationToken cancellationToken);

    /// <summary>Quarantined items after <paramref name="after"/>, oldest first.</summary>
    Task<IReadOnlyList<QuarantineEntry>> ListAsync(long after, int limit, CancellationToken cancellationToken);

    /// <summary>One quarantined item, or null.</summary>
    Task<QuarantineEntry?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Removes a quarantined item (once it is back in the inbox); false when it was not there.</summary>
    Task<bool> RemoveAsync(long id, CancellationToken cancellationToken);
}
