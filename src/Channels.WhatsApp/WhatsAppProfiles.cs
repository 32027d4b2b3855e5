using Normalizer.Events;
using Normalizer.Identity;
using Normalizer.Ids;

namespace Normalizer.Channels.WhatsApp;

/// <summary>
/// WhatsApp profiles: the Cloud API has no profile endpoint, but every webhook names the customer
/// (<c>contacts[].profile</c>, read into the event's <c>contact</c> part).
/// </summary>
internal sealed class WhatsAppProfiles : IChannelProfiles
{
    public Platform Platform => Platform.WhatsApp;

    public Task<UserProfile?> ProfileAsync(NormalizedEvent evt, TaggedId user, PageCredentials? page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return Task.FromResult(evt.Contact is { Name: not null } or { Username: not null }
            ? new UserProfile { Name = evt.Contact.Name, Username = evt.Contact.Username }
            : null);
    }
}
