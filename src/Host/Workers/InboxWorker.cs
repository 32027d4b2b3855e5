using Normalizer.Ingest;
using Normalizer.Storage;

namespace Normalizer.Host.Workers;

/// <summary>
/// Drains the inbox: processes batches while there are rows, then waits for the writer's signal. It runs on a thread of
/// its own at a lower priority (<see cref="BackgroundPriority"/>), so that under a burst the webhooks are acknowledged
/// first and the events follow with the CPU left over; the inbox keeps every row meanwhile and <c>/readyz</c> shows the lag.
/// </summary>
internal sealed partial class InboxWorker(
    InboxProcessor processor, [FromKeyedServices(WorkSignal.Inbox)] WorkSignal signal, ILogger<InboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            Run(stoppingToken);
            stopped.SetResult();
        })
        {
            IsBackground = true,
            Name = "Normalizer inbox",
        };
        thread.Start();
        return stopped.Task;
    }

    private void Run(CancellationToken stoppingToken)
    {
        BackgroundPriority.TryLowerCurrentThread();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Waited for on purpose: the batch's work (all of it synchronous with SQLite) stays on this thread.
                if (processor.ProcessNextBatchAsync(stoppingToken).GetAwaiter().GetResult() > 0)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store is unavailable: the rows stay in the inbox and are retried.
                LogBatchFailed(logger, ex.GetType().Name);
            }

            try
            {
                signal.WaitAsync(Poll, stoppingToken).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox batch failed ({Error}); retrying")]
    private static partial void LogBatchFailed(ILogger logger, string error);
}
