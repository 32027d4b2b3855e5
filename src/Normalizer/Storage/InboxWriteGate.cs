namespace Normalizer.Storage;

/// <summary>
/// Takes turns between the inbox writer and the inbox processor, the two writers of one store in one process.
/// SQLite has one write lock and its busy handler sleeps and retries with backoff, so a processor that commits
/// batch after batch can starve the writer for seconds; this FIFO gate hands the lock over without sleeping,
/// and a webhook waits for at most one processor batch. Other writers still rely on the store's busy timeout.
/// </summary>
public sealed class InboxWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Waits for the turn; dispose the result to pass it on.</summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Turn(_gate);
    }

    /// <summary>A held turn.</summary>
    public readonly struct Turn(SemaphoreSlim gate) : IDisposable
    {
        /// <summary>Passes the turn on.</summary>
        public void Dispose() => gate.Release();
    }
}
