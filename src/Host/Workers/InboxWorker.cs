using Normalizer.Ingest;
using Normalizer.Storage;

namespace Normalizer.Host.Workers;

/// <summary>Drains the inbox: processes batches while there are rows, then waits for the writer's signal.</summary>
internal sealed partial class InboxWorker(
    InboxProcessor processor, [FromKeyedServices(WorkSignal.Inbox)] WorkSignal signal, ILogger<InboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await processor.ProcessNextBatchAsync(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The store is unavailable: the rows stay in the inbox and are retried.
                LogBatchFailed(logger, ex.GetType().Name);
            }

            await signal.WaitAsync(Poll, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox batch failed ({Error}); retrying")]
    private static partial void LogBatchFailed(ILogger logger, string error);
}
