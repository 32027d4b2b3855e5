using Normalizer.Identity;
using Normalizer.Storage;

namespace Normalizer.Host.Workers;

/// <summary>Feeds every newly stored event to the <see cref="IdentityRelinker"/>.</summary>
internal sealed partial class IdentityWorker(EventFeed feed, IdentityRelinker relinker, ILogger<IdentityWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var stored in feed.ListenAsync(stoppingToken))
        {
            try
            {
                await relinker.OnEventAsync(stored.Event, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity relink check failed ({Error}); the event itself is stored")]
    private static partial void LogFailed(ILogger logger, string error);
}
