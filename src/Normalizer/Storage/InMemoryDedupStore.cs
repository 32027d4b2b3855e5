namespace Normalizer.Storage;

/// <summary>
/// Dedup in memory with bounded memory: remembers the last <see cref="Capacity"/> ids and forgets the
/// oldest first. For the offline CLI and single-process tests; the database enforces dedup in the host.
/// </summary>
public sealed class InMemoryDedupStore(int capacity = InMemoryDedupStore.DefaultCapacity) : IDedupStore
{
    /// <summary>Default number of ids remembered.</summary>
    public const int DefaultCapacity = 100_000;

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();

    /// <summary>How many ids are remembered at most.</summary>
    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>How many ids are remembered now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> TryClaimAsync(string eventId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_seen.Add(eventId))
            {
                return ValueTask.FromResult(false);
            }

            _order.Enqueue(eventId);
            if (_order.Count > Capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return ValueTask.FromResult(true);
        }
    }
}
