using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Normalizer.Health;
using Normalizer.Storage;

namespace Normalizer.Delivery;

/// <summary>
/// Runs one <see cref="SubscriptionWorker"/> per subscription of <see cref="SubscriptionCache"/>, started and stopped as
/// subscriptions come and go. Stored events (<see cref="EventFeed.Stored"/>) wake every worker at once; otherwise they poll
/// every <see cref="DeliveryOptions.PollInterval"/>, which is also how soon events other hosts of a shared store commit are
/// delivered. On a shared store the subscriptions are read again at each poll, so one created or deleted through another
/// host is started or stopped here within the interval. All workers report to the <c>delivery</c> loop of <c>/readyz</c>.
/// </summary>
internal sealed partial class DeliveryDispatcher(
    IDeliveryStore store, ISubscriptionStore subscriptionStore, IStoreConnectionFactory connections, WebhookPoster poster, DeliveryMetrics metrics,
    SubscriptionCache subscriptions, EventFeed feed, IOptions<DeliveryOptions> options, TimeProvider time, BackgroundLoops loops,
    ILogger<DeliveryDispatcher> logger)
{
    private readonly LoopState _state = loops[BackgroundLoops.Delivery];
    private readonly WorkSignal _wake = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Running> _workers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _stopping = new(StringComparer.Ordinal);

    /// <summary>This process's name on the leases it holds.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Says the subscriptions changed.</summary>
    public void Wake() => _wake.Notify();

    /// <summary>Says a subscription's cursors changed (a replay added a stream).</summary>
    public void Refresh(string subscriptionId)
    {
        lock (_gate)
        {
            if (_workers.TryGetValue(subscriptionId, out var running))
            {
                running.Worker.Refresh();
            }
        }
    }

    /// <summary>Delivers until <paramref name="cancellationToken"/> is cancelled, then stops every worker (they hand their leases back).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var forward = ForwardStoredAsync(cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (connections.Shared)
                {
                    await ReloadAsync(cancellationToken).ConfigureAwait(false);
                }

                Sync(cancellationToken);
                await _wake.WaitAsync(options.Value.PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }

        Task[] all;
        lock (_gate)
        {
            all = [.. _workers.Values.Select(r => r.Task), .. _stopping.Values];
            _workers.Clear();
            _stopping.Clear();
        }

        await Task.WhenAll([.. all, forward]).ConfigureAwait(false);
    }

    // Starts a worker for each new subscription, stops the workers of deleted ones. A subscription never changes once
    // created, so a worker is known by its subscription's id: the cache may hold a new instance of the same subscription
    // (each change of the list reads them all again), and that is no reason to start over.
    private void Sync(CancellationToken cancellationToken)
    {
        var current = subscriptions.All.ToDictionary(s => s.Id, StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var (id, running) in _workers.ToList())
            {
                if (!current.ContainsKey(id))
                {
                    running.Stop.Cancel();
                    _workers.Remove(id);
                    _stopping[id] = running.Task;
                }
            }

            foreach (var (id, task) in _stopping.ToList())
            {
                if (task.IsCompleted)
                {
                    _stopping.Remove(id);
                }
            }

            // A subscription missing from one reading of the list and back in the next waits for its stopped worker: two
            // workers under this process's name would both hold its leases, and the second would send again what the first
            // POSTed and had not yet written.
            foreach (var subscription in current.Values.Where(s => !_workers.ContainsKey(s.Id) && !_stopping.ContainsKey(s.Id)))
            {
                var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var worker = new SubscriptionWorker(subscription, Owner, store, poster, metrics, options.Value, time, _state, logger);
                _workers.Add(subscription.Id, new Running(worker, stop, Task.Run(() => worker.RunAsync(stop.Token), CancellationToken.None)));
                LogStarted(logger, subscription.Id);
            }
        }
    }

    // The subscriptions as the shared store has them; a failed read keeps the last list (and shows in /readyz).
    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        try
        {
            subscriptions.Set(await subscriptionStore.ListAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _state.Failed(ex);
            LogReloadFailed(logger, ex);
        }
    }

    private async Task ForwardStoredAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await feed.Stored.WaitAsync(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
                lock (_gate)
                {
                    foreach (var running in _workers.Values)
                    {
                        running.Worker.Wake();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the subscriptions from the store failed; delivering the last ones read")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivering subscription {SubscriptionId}")]
    private static partial void LogStarted(ILogger logger, string subscriptionId);

    private sealed record Running(SubscriptionWorker Worker, CancellationTokenSource Stop, Task Task);
}
