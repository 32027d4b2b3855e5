namespace Normalizer.Health;

/// <summary>The host's background loops, each reporting its <see cref="LoopState"/> (shown by <c>/readyz</c>).</summary>
public sealed class BackgroundLoops(TimeProvider time)
{
    /// <summary>The inbox writer (group commit of webhooks).</summary>
    public const string InboxWriter = "inbox_writer";

    /// <summary>The inbox worker (rows into events).</summary>
    public const string InboxWorker = "inbox_worker";

    /// <summary>The delivery dispatcher.</summary>
    public const string Delivery = "delivery";

    /// <summary>The identity worker (relinking).</summary>
    public const string Identity = "identity";

    private readonly Dictionary<string, LoopState> _loops = new(StringComparer.Ordinal);

    /// <summary>The state of the loop <paramref name="name"/>, created on first use.</summary>
    public LoopState this[string name]
    {
        get
        {
            lock (_loops)
            {
                if (!_loops.TryGetValue(name, out var state))
                {
                    state = new LoopState(name, time);
                    _loops.Add(name, state);
                }

                return state;
            }
        }
    }

    /// <summary>Every loop's state, by name.</summary>
    public IReadOnlyList<LoopSnapshot> Snapshot(TimeSpan stallAfter)
    {
        lock (_loops)
        {
            return _loops.Values.OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => l.Snapshot(stallAfter)).ToList();
        }
    }
}
