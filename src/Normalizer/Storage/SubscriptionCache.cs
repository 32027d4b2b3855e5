using Normalizer.Delivery;

namespace Normalizer.Storage;

/// <summary>
/// The active subscriptions, held in memory so that matching an event costs no query. Loaded at start
/// and replaced whenever the subscriptions API changes them.
/// </summary>
public sealed class SubscriptionCache
{
    private volatile IReadOnlyList<Subscription> _all = [];

    /// <summary>All subscriptions.</summary>
    public IReadOnlyList<Subscription> All => _all;

    /// <summary>Replaces the cached list.</summary>
    public void Set(IReadOnlyList<Subscription> subscriptions) => _all = subscriptions;
}
