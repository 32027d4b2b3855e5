using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Normalizer.Channels;
using Normalizer.Delivery;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers webhook delivery to subscribers (README: delivery); needs a store (<c>AddSqlStore</c>).</summary>
public static class DeliveryNormalizerBuilderExtensions
{
    /// <summary>
    /// Adds <c>Normalizer:Delivery</c> options (validated at start), the named <see cref="HttpClient"/> (no redirects,
    /// no proxy, every address checked before connecting), the subscription registry and the dispatcher (one cursor worker per subscription); the host runs <c>DeliveryDispatcher.RunAsync</c> in a worker.
    /// </summary>
    public static INormalizerBuilder AddDelivery(this INormalizerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>());
        services.AddHttpClient(WebhookPoster.HttpClientName)
            .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<IOptions<DeliveryOptions>>().Value.Timeout)
            // A redirect is a failed attempt, not a reason to POST the event somewhere else. No proxy: the guard must
            // see the subscriber's own address, not the proxy's.
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                // Keep-alive connections, as many per receiver as a subscription has deliveries in flight.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxConnectionsPerServer = provider.GetRequiredService<IOptions<DeliveryOptions>>().Value.MaxConcurrency,
                ConnectCallback = provider.GetRequiredService<DestinationGuard>().ConnectAsync,
            })
            // The default handlers would log subscriber URLs, which may carry the consumer's tokens.
            .RemoveAllLoggers();
        services.TryAddSingleton<DestinationGuard>();
        services.TryAddSingleton<WebhookPoster>();
        services.TryAddSingleton<DeliveryDispatcher>();
        services.TryAddSingleton<SubscriptionRegistry>();
        return builder;
    }
}
