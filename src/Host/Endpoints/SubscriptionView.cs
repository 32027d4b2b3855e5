using Normalizer.Delivery;
using Normalizer.Events;

namespace Normalizer.Host.Endpoints;

/// <summary>A subscription as the API shows it; <see cref="Secret"/> is set only in the answer to its creation.</summary>
public sealed record SubscriptionView(
    string Id, string Url, IReadOnlyList<string>? Platforms, IReadOnlyList<string>? PageIds, IReadOnlyList<string>? Events,
    DateTimeOffset CreatedAt, string? Secret = null)
{
    public static SubscriptionView From(Subscription subscription, bool withSecret = false) => new(
        subscription.Id, subscription.Url.AbsoluteUri, subscription.Platforms?.Select(p => p.ToWire()).ToList(),
        subscription.PageIds, subscription.Events, subscription.CreatedAt, withSecret ? subscription.Secret : null);
}
