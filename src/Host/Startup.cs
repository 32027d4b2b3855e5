using Microsoft.Extensions.Options;
using Normalizer.Channels;
using Normalizer.Events;
using Normalizer.Host.Options;
using Normalizer.Host.Storage.Providers;
using Normalizer.Storage;

namespace Normalizer.Host;

/// <summary>What the host says when it is ready: where it listens, what it serves, how it checks.</summary>
internal static partial class Startup
{
    public static void LogReady(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Normalizer.Host");
        var meta = app.Services.GetRequiredService<IOptionsMonitor<MetaOptions>>().CurrentValue;
        var channels = app.Services.GetRequiredService<ChannelRegistry>().Channels;
        var store = app.Services.GetRequiredService<IStoreConnectionFactory>();
        LogListening(logger, string.Join(", ", app.Urls));
        LogChannels(logger, string.Join(", ", channels.Select(c => $"{c.Platform.ToWire()} ({c.WebhookObject})")));
        LogStore(logger, store.Dialect.Name, store is SqliteConnectionFactory sqlite ? $"{sqlite.DataSource} (inbox: {sqlite.InboxDataSource})" : "(connection string not logged)");
        if (meta.RequireSignature)
        {
            LogSignatures(logger, meta.AppSecrets.Count(s => s.Length > 0));
        }
        else
        {
            LogSignaturesOff(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Normalizer listening on {Urls}")]
    private static partial void LogListening(ILogger logger, string urls);

    [LoggerMessage(Level = LogLevel.Information, Message = "Channels enabled: {Channels}")]
    private static partial void LogChannels(ILogger logger, string channels);

    [LoggerMessage(Level = LogLevel.Information, Message = "Store: {Provider} at {Location}")]
    private static partial void LogStore(ILogger logger, string provider, string location);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook signatures required (X-Hub-Signature-256), {Count} app secret(s) configured")]
    private static partial void LogSignatures(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook signatures NOT required (Normalizer:Meta:RequireSignature=false): for local development only")]
    private static partial void LogSignaturesOff(ILogger logger);
}
