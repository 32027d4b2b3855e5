using System.Threading.Channels;

namespace Normalizer.Storage;

/// <summary>
/// Announces the events this host committed: to listeners of every event (the identity worker, which must see each event
/// once across hosts, on the host that stored it), to the delivery worker (<see cref="Stored"/>), and to readers that page
/// the log themselves (<see cref="NextAsync"/>: the SSE stream, which also polls for what other hosts stored).
/// A slow listener loses its oldest announcements, never blocks ingest.
/// </summary>
public sealed class EventFeed
{
    private const int ListenerBuffer = 10_000;
    private readonly Lock _gate = new();
    private readonly List<Channel<StoredEvent>> _listeners = [];
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Notified after every commit that stored events.</summary>
    public WorkSignal Stored { get; } = new();

    /// <summary>Announces committed events.</summary>
    public void Publish(IReadOnlyList<StoredEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        Stored.Notify();
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        lock (_gate)
        {
            foreach (var listener in _listeners)
            {
                foreach (var evt in events)
                {
                    listener.Writer.TryWrite(evt);
                }
            }
        }
    }

    /// <summary>
    /// Completes at the next <see cref="Publish"/> after this call. Take it before reading the log, then wait on it: a
    /// publish in between is not missed.
    /// </summary>
    public Task NextAsync => Volatile.Read(ref _next).Task;

    /// <summary>Listens until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async IAsyncEnumerable<StoredEvent> ListenAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<StoredEvent>(new BoundedChannelOptions(ListenerBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true,
        });
        lock (_gate)
        {
            _listeners.Add(channel);
        }

        try
        {
            await foreach (var evt in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return evt;
            }
        }
        finally
        {
            lock (_gate)
            {
                _listeners.Remove(channel);
            }
        }
    }
}
