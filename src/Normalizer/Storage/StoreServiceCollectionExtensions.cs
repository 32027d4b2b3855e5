using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Normalizer.Channels;
using Normalizer.Health;
using Normalizer.Identity;
using Normalizer.Ingest;
using Normalizer.Sending;
using Normalizer.Storage.Dapper;

namespace Normalizer.Storage;

/// <summary>Registers the Dapper store over the <see cref="IStoreConnectionFactory"/> the host provides.</summary>
public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Moves dedup and events into the store (replacing the in-memory defaults) and adds the inbox,
    /// quarantine, event log, subscriptions (store and cache), the delivery queue and the inbox processor, with their
    /// options (<c>Normalizer:Inbox</c>, <c>Normalizer:Health</c>, validated at start) and the background loops' states.
    /// </summary>
    public static INormalizerBuilder AddSqlStore(this INormalizerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddScoped<StoreSession>();
        services.AddOptions<InboxOptions>().BindConfiguration(InboxOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InboxOptions>, InboxOptionsValidator>());
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>());
        services.TryAddSingleton<BackgroundLoops>();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>());
        services.TryAddSingleton<RetentionPruner>();
        services.Replace(ServiceDescriptor.Scoped<IDedupStore, SqlDedupStore>());
        services.Replace(ServiceDescriptor.Scoped<IEventSink, SqlEventSink>());
        services.TryAddKeyedSingleton<WorkSignal>(WorkSignal.Inbox);
        services.TryAddSingleton<StoreWriteGates>();
        services.TryAddSingleton<InboxWriter>();
        services.TryAddSingleton<IInbox, SqlInbox>();
        services.TryAddSingleton<IEventStore, SqlEventStore>();
        services.TryAddSingleton<IQuarantine, SqlQuarantine>();
        services.TryAddSingleton<SubscriptionCache>();
        services.TryAddSingleton<ISubscriptionStore, SqlSubscriptionStore>();
        services.TryAddSingleton<IDeliveryStore, SqlDeliveryStore>();
        services.TryAddSingleton<EventFeed>();
        services.TryAddSingleton<MigrationRunner>();
        services.TryAddSingleton<InboxProcessor>();
        services.TryAddSingleton<IContactStore, SqlContactStore>();
        services.TryAddSingleton<IConversationStore, SqlConversationStore>();
        services.TryAddSingleton<IPendingSendStore, SqlPendingSendStore>();
        services.TryAddSingleton<IPageSendErrors, SqlPageSendErrors>();
        return builder;
    }
}
