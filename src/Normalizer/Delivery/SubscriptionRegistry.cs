using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Normalizer.Storage;

namespace Normalizer.Delivery;

/// <summary>
/// Changes subscriptions in the store and keeps <see cref="SubscriptionCache"/> (what the delivery workers run for) equal
/// to it: loaded at start, reloaded after every change. A new subscription's cursors start at the head of the log.
/// </summary>
internal sealed partial class SubscriptionRegistry(
    ISubscriptionStore store, IDeliveryStore deliveries, SubscriptionCache cache, DeliveryDispatcher dispatcher, IOptions<DeliveryOptions> options,
    ILogger<SubscriptionRegistry> logger)
{
    /// <summary>Loads every subscription into the cache.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var all = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        cache.Set(all);
        LogLoaded(logger, all.Count);
    }

    public async Task AddAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        await store.AddAsync(subscription, cancellationToken).ConfigureAwait(false);
        await deliveries.CreateCursorsAsync(subscription.Id, options.Value.Partitions, cancellationToken).ConfigureAwait(false);
        cache.Set(await store.ListAsync(cancellationToken).ConfigureAwait(false));
        dispatcher.Wake();
        LogCreated(logger, subscription.Id, subscription.Url.Scheme, subscription.Url.Authority);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var deleted = await store.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        cache.Set(await store.ListAsync(cancellationToken).ConfigureAwait(false));
        dispatcher.Wake();
        if (deleted)
        {
            LogDeleted(logger, id);
        }

        return deleted;
    }

    public Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    public Task<Subscription?> GetAsync(string id, CancellationToken cancellationToken) => store.GetAsync(id, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} subscription(s) loaded")]
    private static partial void LogLoaded(ILogger logger, int count);

    // Scheme and host only: a URL's path or query may carry the consumer's own token.
    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {SubscriptionId} created for {Scheme}://{Authority}")]
    private static partial void LogCreated(ILogger logger, string subscriptionId, string scheme, string authority);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {SubscriptionId} deleted; its deliveries stopped, its parked ones are dead")]
    private static partial void LogDeleted(ILogger logger, string subscriptionId);
}
