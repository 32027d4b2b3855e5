using Normalizer.Delivery;

namespace Normalizer.Storage;

/// <summary>Subscriptions of consuming apps (README: delivery).</summary>
public interface ISubscriptionStore
{
    /// <summary>Adds a subscription.</summary>
    Task AddAsync(Subscription subscription, CancellationToken cancellationToken);

    /// <summary>All subscriptions, oldest first, secrets included (for the in-memory cache).</summary>
    Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One subscription, or null.</summary>
    Task<Subscription?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Deletes a subscription with its cursors and parked conversations (listed as dead from then on); false when there was none.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}
