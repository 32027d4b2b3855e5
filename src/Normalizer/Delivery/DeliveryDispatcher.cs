using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Normalizer.Health;
using Normalizer.Storage;

namespace Normalizer.Delivery;

/// <summary>
/// Feeds due deliveries to <see cref="DeliveryRunner"/>s, at most <see cref="DeliveryOptions.MaxConcurrency"/> at once.
/// The store only hands out the oldest pending delivery of each (subscription, conversation) and never one
/// already running, so a conversation's events go out in order while different conversations go in parallel.
/// Woken by stored events (<see cref="EventFeed.Stored"/>), by <see cref="Wake"/> and by finished deliveries;
/// otherwise it polls, which also resumes what a previous process left pending.
/// </summary>
internal sealed partial class DeliveryDispatcher(
    IDeliveryStore store, DeliveryRunner runner, EventFeed feed, IOptions<DeliveryOptions> options, TimeProvider time,
    BackgroundLoops loops, ILogger<DeliveryDispatcher> logger)
{
    private readonly LoopState _state = loops[BackgroundLoops.Delivery];
    private readonly WorkSignal _wake = new();

    /// <summary>Says there may be new due deliveries (a replay queued some).</summary>
    public void Wake() => _wake.Notify();

    /// <summary>Dispatches until <paramref name="cancellationToken"/> is cancelled, then waits for the running deliveries to stop.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var running = new Dictionary<long, Task>();
        var forward = ForwardStoredAsync(cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                foreach (var done in running.Where(r => r.Value.IsCompleted).Select(r => r.Key).ToList())
                {
                    running.Remove(done);
                }

                var free = settings.MaxConcurrency - running.Count;
                if (free > 0)
                {
                    try
                    {
                        _state.Busy();
                        var due = await store.ReadDueAsync(time.GetUtcNow(), free, running.Keys, cancellationToken).ConfigureAwait(false);
                        foreach (var delivery in due)
                        {
                            running[delivery.Id] = RunOneAsync(delivery, cancellationToken);
                        }

                        _state.Succeeded();
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        _state.Failed(ex);
                        LogReadFailed(logger, ex);
                    }
                }

                await _wake.WaitAsync(settings.PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping: what is pending stays pending
        }

        await Task.WhenAll([.. running.Values, forward]).ConfigureAwait(false);
    }

    private async Task RunOneAsync(DueDelivery delivery, CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (await runner.RunAsync(delivery, cancellationToken).ConfigureAwait(false))
        {
            // The next delivery of this conversation may now be due.
            _wake.Notify();
        }
    }

    private async Task ForwardStoredAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await feed.Stored.WaitAsync(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
                _wake.Notify();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading due deliveries failed; retrying")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
