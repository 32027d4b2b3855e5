using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Normalizer.Channels.MessengerPlatform;
using Normalizer.Events;
using Normalizer.Graph;
using Normalizer.Identity;
using Normalizer.Ids;

namespace Normalizer.Channels.Instagram;

/// <summary>
/// Instagram profiles: the User Profile API (name, username, picture) through the linked Page on graph.facebook.com
/// (Facebook Login), else on the Instagram-Login host.
/// </summary>
internal sealed class InstagramProfiles(IGraphClient graph, IOptionsMonitor<InstagramGraphOptions> options, ILogger<InstagramProfiles> logger)
    : IChannelProfiles
{
    private const string Fields = "name,username,profile_pic";

    public Platform Platform => Platform.Instagram;

    public Task<UserProfile?> ProfileAsync(NormalizedEvent evt, TaggedId user, PageCredentials? page, CancellationToken cancellationToken) =>
        page is null
            ? Task.FromResult<UserProfile?>(null)
            : UserProfileApi.FetchAsync(graph, user, page, Fields,
                page.LinkedPageId is null ? options.CurrentValue.InstagramBaseUrl : null, logger, cancellationToken);
}
