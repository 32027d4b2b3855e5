using Normalizer.Health;
using Normalizer.Identity;
using Normalizer.Storage;

namespace Normalizer.Host.Workers;

/// <summary>
/// Feeds every newly stored event to the <see cref="IdentityRelinker"/>. A failed check is logged and shown in
/// <c>/readyz</c>; the event itself is stored, and the loop goes on with the next one.
/// </summary>
internal sealed partial class IdentityWorker(EventFeed feed, IdentityRelinker relinker, BackgroundLoops loops, ILogger<IdentityWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var state = loops[BackgroundLoops.Identity];
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var stored in feed.ListenAsync(stoppingToken))
                {
                    state.Busy();
                    try
                    {
                        await relinker.OnEventAsync(stored.Event, stoppingToken);
                        state.Succeeded();
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        state.Failed(ex, loopFailed: false);
                        LogFailed(logger, stored.Event.Id, ex);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The feed itself failed: listen again (events stored meanwhile are not checked; they stay stored).
                state.Failed(ex);
                LogListenFailed(logger, ex);
                try
                {
                    await Task.Delay(Pause, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity relink check of {EventId} failed; the event itself is stored")]
    private static partial void LogFailed(ILogger logger, string eventId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Listening for stored events failed; listening again")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}
