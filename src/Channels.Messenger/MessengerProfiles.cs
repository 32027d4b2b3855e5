using Microsoft.Extensions.Logging;
using Normalizer.Channels.MessengerPlatform;
using Normalizer.Events;
using Normalizer.Graph;
using Normalizer.Identity;
using Normalizer.Ids;

namespace Normalizer.Channels.Messenger;

/// <summary>Messenger profiles: the User Profile API with the Page token (first and last name, picture, locale).</summary>
internal sealed class MessengerProfiles(IGraphClient graph, ILogger<MessengerProfiles> logger) : IChannelProfiles
{
    private const string Fields = "first_name,last_name,profile_pic,locale";

    public Platform Platform => Platform.Facebook;

    public Task<UserProfile?> ProfileAsync(NormalizedEvent evt, TaggedId user, PageCredentials? page, CancellationToken cancellationToken) =>
        page is null
            ? Task.FromResult<UserProfile?>(null)
            : UserProfileApi.FetchAsync(graph, user, page, Fields, baseUrl: null, logger, cancellationToken);
}
