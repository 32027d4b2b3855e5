using Normalizer.Delivery;
using Normalizer.Events;

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

    /// <summary>The subscriptions that want <paramref name="evt"/>.</summary>
    public IEnumerable<Subscription> Matching(NormalizedEvent evt) => _all.Where(s => s.Matches(evt));
}
