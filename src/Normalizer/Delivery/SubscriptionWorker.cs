using Microsoft.Extensions.Logging;
using Normalizer.Health;
using Normalizer.Storage;

namespace Normalizer.Delivery;

/// <summary>
/// Delivers one subscription from its cursors (README: delivery). It leases the subscription's partitions, reads the
/// events after their cursors in batches, POSTs them (different conversations at once, at most
/// <see cref="DeliveryOptions.MaxConcurrency"/>; one conversation in order) and writes the batch's attempts, parked
/// conversations and cursor moves in one transaction. A failure parks the conversation (<see cref="ParkedConversation"/>),
/// retried by a task of its own while the others go on. Any failure of the store ends the session: it starts again from
/// what the store holds (at-least-once: the batch in flight is sent again).
/// </summary>
internal sealed partial class SubscriptionWorker(
    Subscription subscription, string owner, IDeliveryStore store, WebhookPoster poster, DeliveryMetrics metrics, DeliveryOptions options,
    TimeProvider time,
    LoopState state, ILogger logger)
{
    private readonly SemaphoreSlim _slots = new(options.MaxConcurrency, options.MaxConcurrency);
    private readonly WorkSignal _wake = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ParkedConversation> _parked = new(StringComparer.Ordinal);
    private readonly List<Task> _retries = [];
    private readonly SortedDictionary<int, Stream> _streams = [];
    private HashSet<int> _held = [];
    private int _partitions;
    private DateTimeOffset _renewAt;
    private volatile bool _refresh;
    private CancellationTokenSource? _session;

    public Subscription Subscription => subscription;

    /// <summary>New events may be there.</summary>
    public void Wake() => _wake.Notify();

    /// <summary>The cursors changed (a replay added a stream): read them again.</summary>
    public void Refresh()
    {
        _refresh = true;
        _wake.Notify();
    }

    /// <summary>Delivers until cancelled, then hands the leases back.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var session = _session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            try
            {
                await RunSessionAsync(session.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (OperationCanceledException) when (session.IsCancellationRequested)
            {
                // ended by a retry task, which logged why
            }
            catch (Exception ex)
            {
                state.Failed(ex);
                LogSessionFailed(logger, subscription.Id, ex);
            }
            finally
            {
                await session.CancelAsync().ConfigureAwait(false);
                await EndSessionAsync().ConfigureAwait(false);
            }

            try
            {
                await _wake.WaitAsync(options.PollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        try
        {
            await store.ReleaseAsync(subscription.Id, owner, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogReleaseFailed(logger, subscription.Id, ex);
        }
    }

    private async Task RunSessionAsync(CancellationToken cancellationToken)
    {
        state.Busy();
        _partitions = await store.PartitionCountAsync(subscription.Id, cancellationToken).ConfigureAwait(false);
        if (_partitions == 0)
        {
            // Deleted meanwhile (the dispatcher stops this worker), or created before its cursors were written.
            return;
        }

        await ClaimAsync(cancellationToken).ConfigureAwait(false);
        await ResumeParkedAsync(cancellationToken).ConfigureAwait(false);
        state.Succeeded();
        while (!cancellationToken.IsCancellationRequested)
        {
            if (_refresh || time.GetUtcNow() >= _renewAt)
            {
                foreach (var stream in _streams.Values)
                {
                    await stream.FlushAsync().ConfigureAwait(false);
                }

                var before = _held;
                await ClaimAsync(cancellationToken).ConfigureAwait(false);
                if (!before.SetEquals(_held))
                {
                    // Partitions came or went: start over from the store (their parked conversations included).
                    return;
                }
            }

            var progressed = false;
            foreach (var (id, stream) in _streams.ToList())
            {
                state.Busy();
                progressed |= await DeliverBatchAsync(id, stream, cancellationToken).ConfigureAwait(false);
                state.Succeeded();
            }

            if (!progressed)
            {
                foreach (var stream in _streams.Values)
                {
                    await stream.FlushAsync().ConfigureAwait(false);
                }

                await _wake.WaitAsync(options.PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ClaimAsync(CancellationToken cancellationToken)
    {
        _refresh = false;
        var now = time.GetUtcNow();
        var cursors = await store.ClaimAsync(subscription.Id, owner, now, now + options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        _renewAt = now + (options.LeaseDuration / 3);
        _held = [.. cursors.Where(c => c.Stream == 0).Select(c => c.Partition)];
        _streams.Clear();
        foreach (var group in cursors.GroupBy(c => c.Stream))
        {
            _streams[group.Key] = new Stream(group.First().EndSeq, group.ToDictionary(c => c.Partition, c => c.CursorSeq));
        }
    }

    private async Task EndSessionAsync()
    {
        Task[] retries;
        lock (_gate)
        {
            retries = [.. _retries];
            _retries.Clear();
            _parked.Clear();
        }

        try
        {
            await Task.WhenAll(retries).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // each retry task logs its own failure
        }
    }

    // Ends the session from a retry task: the worker starts over from the store.
    private void Abort() => _session?.Cancel();

    /// <summary>The cursors of one stream, by partition held, the batch read ahead and the last batch's write.</summary>
    private sealed class Stream(long? end, Dictionary<int, long> cursors)
    {
        public long? End { get; } = end;

        public Dictionary<int, long> Cursors { get; } = cursors;

        public Task<IReadOnlyList<LogEvent>>? Prefetch { get; set; }

        public long PrefetchAfter { get; set; }

        public Task Commit { get; set; } = Task.CompletedTask;

        /// <summary>Waits for the last batch's write (its failure ends the session).</summary>
        public Task FlushAsync() => Commit;
    }
}
