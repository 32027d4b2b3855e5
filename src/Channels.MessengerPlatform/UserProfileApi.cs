using Microsoft.Extensions.Logging;
using Normalizer.Events;
using Normalizer.Graph;
using Normalizer.Identity;
using Normalizer.Ids;

namespace Normalizer.Channels.MessengerPlatform;

/// <summary>
/// The Messenger Platform's User Profile API (Meta: User Profile API), which Messenger and Instagram share:
/// <c>GET /{scoped-id}?fields=…</c> with the business ID's token and appsecret_proof. A customer whose profile Meta will
/// not give has none: the failure is logged, never thrown.
/// </summary>
public static partial class UserProfileApi
{
    /// <summary>The profile of <paramref name="user"/> as <paramref name="page"/> may see it; null when Meta gives none.</summary>
    /// <param name="graph">The Graph client.</param>
    /// <param name="user">The customer's scoped ID.</param>
    /// <param name="page">The credentials of the business ID the customer wrote to.</param>
    /// <param name="fields">The fields the channel asks for.</param>
    /// <param name="baseUrl">The host to ask instead of graph.facebook.com, if any.</param>
    /// <param name="logger">Where an unavailable profile is noted.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<UserProfile?> FetchAsync(IGraphClient graph, TaggedId user, PageCredentials page, string fields,
        Uri? baseUrl, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(page);
        if (!GraphPath.IsValidId(user.Value))
        {
            return null;
        }

        var request = new GraphRequest
        {
            Method = HttpMethod.Get,
            Path = user.Value,
            Query = new Dictionary<string, string> { ["fields"] = fields },
            AccessToken = page.AccessToken,
            AppSecret = page.AppSecret,
            BaseUrl = baseUrl,
        };
        var response = await graph.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            LogUnavailable(logger, page.Platform.ToWire(), response.Error?.Code, response.Error?.Subcode);
            return null;
        }

        return new UserProfile
        {
            FirstName = response.String("first_name"),
            LastName = response.String("last_name"),
            Name = response.String("name"),
            Username = response.String("username"),
            ProfilePic = response.String("profile_pic"),
            Locale = response.String("locale"),
        };
    }

    [LoggerMessage(1101, LogLevel.Information, "No {Platform} profile available: code {Code}, subcode {Subcode}")]
    private static partial void LogUnavailable(ILogger logger, string platform, int? code, int? subcode);
}
