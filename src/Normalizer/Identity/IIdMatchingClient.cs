using Normalizer.Channels;
using Normalizer.Credentials;
using Normalizer.Events;

namespace Normalizer.Identity;

/// <summary>
/// The ID matching of a channel whose customer IDs are scoped to a business and linked through an app-scoped ID (ASID):
/// ASID → scoped IDs (<c>ids_for_pages</c>, app token), scoped ID → ASIDs (<c>ids_for_apps</c>, Page token) and
/// the batch <c>pages_id_mapping</c> (Meta's ID Matching API). Registered by such a channel (Messenger); the core links a
/// new scoped ID to its person, and finds a stale one's successor, only on a platform that has one. Every call carries
/// appsecret_proof.
/// </summary>
public interface IIdMatchingClient
{
    /// <summary>The platform whose IDs it matches.</summary>
    Platform Platform { get; }

    /// <summary>The scoped IDs of <paramref name="asid"/>, filtered to <paramref name="pageId"/> when given.</summary>
    Task<IdMatchResult> IdsForPagesAsync(string asid, string? pageId, AppCredentials app, CancellationToken cancellationToken);

    /// <summary>The ASIDs of <paramref name="psid"/> for the apps of the Page's business.</summary>
    Task<IdMatchResult> IdsForAppsAsync(string psid, PageCredentials page, CancellationToken cancellationToken);

    /// <summary>
    /// Scoped IDs of up to 200 ASIDs for one Page (<c>POST /pages_id_mapping</c>). A match names the ASID it came from
    /// (<see cref="IdMatch.SourceId"/>) only when Meta's answer says which it is; with <paramref name="ignoreInvalidIds"/>
    /// Meta drops invalid IDs silently, and the others may then be unnamed.
    /// </summary>
    Task<IdMatchResult> PagesIdMappingAsync(IReadOnlyList<string> asids, PageCredentials page, bool ignoreInvalidIds, CancellationToken cancellationToken);
}
