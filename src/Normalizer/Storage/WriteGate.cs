namespace Normalizer.Storage;

/// <summary>
/// Takes turns between the busy writers of one database file in one process (<see cref="StoreWriteGates"/>). SQLite has
/// one write lock per file and its busy handler sleeps and retries with backoff, so a writer that commits batch after batch
/// can starve another for seconds; this FIFO gate hands the lock over without sleeping, and a webhook waits for at most
/// one other turn. <see cref="Contended"/> lets the holder keep its turn short while someone waits. Other writers (API
/// calls) still rely on the store's busy timeout.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim? _gate;
    private int _waiting;

    /// <summary>A gate that takes turns.</summary>
    public WriteGate()
        : this(turns: true)
    {
    }

    private WriteGate(bool turns) => _gate = turns ? new SemaphoreSlim(1, 1) : null;

    /// <summary>
    /// A gate that never makes a writer wait: for a database server, which lets writers of different rows go at once and
    /// queues those of the same rows itself.
    /// </summary>
    public static WriteGate Open { get; } = new(turns: false);

    /// <summary>Whether someone is waiting for the turn (the holder should finish soon).</summary>
    public bool Contended => Volatile.Read(ref _waiting) > 0;

    // Set on a thread of its own whose waits block it (WaitOnThisThread).
    [ThreadStatic]
    private static bool t_waitsInPlace;

    /// <summary>
    /// From now on, this thread waits for a turn by blocking, and its work after the turn goes on here: for a worker on a
    /// thread of its own at a lower priority (the inbox worker), whose batch would otherwise go on in the thread pool, at the
    /// priority of the webhooks it must leave the CPU to. Call it on that thread only.
    /// </summary>
    public static void WaitOnThisThread() => t_waitsInPlace = true;

    /// <summary>Waits for the turn; dispose the result to pass it on.</summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken cancellationToken)
    {
        if (_gate is null)
        {
            return default;
        }

        if (!_gate.Wait(0, cancellationToken))
        {
            Interlocked.Increment(ref _waiting);
            try
            {
                if (t_waitsInPlace)
                {
                    _gate.Wait(cancellationToken);
                }
                else
                {
                    await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        return new Turn(_gate);
    }

    /// <summary>A held turn.</summary>
    public readonly struct Turn(SemaphoreSlim? gate) : IDisposable
    {
        /// <summary>Passes the turn on.</summary>
        public void Dispose() => gate?.Release();
    }
}
