using Normalizer.Channels;
using Normalizer.Credentials;
using Normalizer.Ids;

namespace Normalizer.Identity;

/// <summary>
/// Meta's ID Matching API (Meta's ID Matching API): ASID → PSIDs (<c>ids_for_pages</c>, app token),
/// PSID → ASIDs (<c>ids_for_apps</c>, Page token), the deprecated <c>pages_id_mapping</c>, and the user profile.
/// Every call carries appsecret_proof.
/// </summary>
public interface IIdMatchingClient
{
    /// <summary>The PSIDs of <paramref name="asid"/>, filtered to <paramref name="pageId"/> when given.</summary>
    Task<IdMatchResult> IdsForPagesAsync(string asid, string? pageId, AppCredentials app, CancellationToken cancellationToken);

    /// <summary>The ASIDs of <paramref name="psid"/> for the apps of the Page's business.</summary>
    Task<IdMatchResult> IdsForAppsAsync(string psid, PageCredentials page, CancellationToken cancellationToken);

    /// <summary>PSIDs of up to 200 ASIDs for one Page (<c>POST /pages_id_mapping</c>).</summary>
    Task<IdMatchResult> PagesIdMappingAsync(IReadOnlyList<string> asids, PageCredentials page, bool ignoreInvalidIds, CancellationToken cancellationToken);

    /// <summary>The user's profile as the Page may see it; null fields when not available.</summary>
    Task<UserProfile?> ProfileAsync(TaggedId user, PageCredentials page, CancellationToken cancellationToken);
}
