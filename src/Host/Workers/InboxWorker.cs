using Normalizer.Health;
using Normalizer.Ingest;
using Normalizer.Storage;

namespace Normalizer.Host.Workers;

/// <summary>
/// Drains the inbox: processes batches while there are rows, then waits for the writer's signal. It runs on a thread of
/// its own at a lower priority (<see cref="BackgroundPriority"/>), so that under a burst the webhooks are acknowledged
/// first and the events follow with the CPU left over; the inbox keeps every row meanwhile and <c>/readyz</c> shows the lag.
/// A failed batch is logged, shown in <c>/readyz</c> and retried after a growing pause; the loop never ends before the host.
/// </summary>
internal sealed partial class InboxWorker(
    InboxProcessor processor, [FromKeyedServices(WorkSignal.Inbox)] WorkSignal signal, BackgroundLoops loops, ILogger<InboxWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(stoppingToken);
            }
            finally
            {
                stopped.SetResult();
            }
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
        WriteGate.WaitOnThisThread(); // a batch that waits for the events' turn goes on here, not in the thread pool
        var state = loops[BackgroundLoops.InboxWorker];
        var pause = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Waited for on purpose: the batch's work (all of it synchronous with SQLite) stays on this thread.
                var done = processor.ProcessNextBatchAsync(stoppingToken).GetAwaiter().GetResult();
                state.Succeeded();
                pause = TimeSpan.Zero;
                if (done > 0 && !processor.Drained)
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
                // The store is unavailable, or a bug: the rows stay in the inbox and are retried, the next batch row by row.
                state.Failed(ex);
                LogBatchFailed(logger, ex);
                pause = pause == TimeSpan.Zero ? Poll : TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaxPause.Ticks));
            }

            try
            {
                if (pause > TimeSpan.Zero)
                {
                    Task.Delay(pause, stoppingToken).GetAwaiter().GetResult();
                }
                else
                {
                    signal.WaitAsync(Poll, stoppingToken).GetAwaiter().GetResult();
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox batch failed; retrying")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception);
}
