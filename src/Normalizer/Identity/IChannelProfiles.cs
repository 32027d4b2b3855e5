using Normalizer.Channels;
using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Identity;

/// <summary>
/// Where a channel's customer profiles come from: the platform's API, or the webhook itself. Registered by a channel
/// that has profiles; the identity step caches the answer on the contact once. Singletons.
/// </summary>
public interface IChannelProfiles
{
    /// <summary>The platform whose customers it knows.</summary>
    Platform Platform { get; }

    /// <summary>
    /// The profile of <paramref name="user"/> as <paramref name="page"/> (its credentials, when configured) may see it,
    /// or as <paramref name="evt"/>, the event that named the customer, gives it; null when there is none.
    /// </summary>
    Task<UserProfile?> ProfileAsync(NormalizedEvent evt, TaggedId user, PageCredentials? page, CancellationToken cancellationToken);
}
