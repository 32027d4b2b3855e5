using System.Threading.Channels;

namespace Normalizer.Storage;

/// <summary>
/// Announces committed events to live listeners (the SSE stream) and wakes the delivery worker.
/// A slow listener loses its oldest announcements, never blocks ingest; it can page the API to catch up.
/// </summary>
public sealed class EventFeed
{
    private const int ListenerBuffer = 10_000;
    private readonly Lock _gate = new();
    private readonly List<Channel<StoredEvent>> _listeners = [];

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
