using Microsoft.Extensions.Options;
using Normalizer.Health;
using Normalizer.Storage;

namespace Normalizer.Host.Workers;

/// <summary>
/// Runs the <see cref="RetentionPruner"/> every <see cref="RetentionOptions.Interval"/>. A failed pass is logged and shown
/// in <c>/readyz</c> (loop <c>retention</c>); the next one tries again. With <see cref="RetentionOptions.Enabled"/> false
/// at start it does nothing.
/// </summary>
internal sealed partial class RetentionWorker(
    RetentionPruner pruner, IOptionsMonitor<RetentionOptions> options, BackgroundLoops loops, TimeProvider time, ILogger<RetentionWorker> logger)
    : BackgroundService
{
    /// <summary>The loop's name in <c>/readyz</c>.</summary>
    public const string Loop = "retention";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.Enabled)
        {
            return;
        }

        var state = loops[Loop];
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                state.Busy();
                var pruned = await pruner.PruneAsync(time.GetUtcNow(), stoppingToken);
                state.Succeeded();
                if (pruned.Total > 0)
                {
                    LogPruned(logger, pruned.Inbox, pruned.Events, pruned.Deliveries, pruned.Quarantine);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                state.Failed(ex);
                LogFailed(logger, ex);
            }

            try
            {
                await Task.Delay(options.CurrentValue.Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retention pruned {Inbox} inbox rows, {Events} events, {Deliveries} deliveries, {Quarantine} quarantine records")]
    private static partial void LogPruned(ILogger logger, long inbox, long events, long deliveries, long quarantine);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention pass failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
