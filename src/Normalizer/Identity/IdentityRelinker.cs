using Microsoft.Extensions.Logging;
using Normalizer.Channels;
using Normalizer.Credentials;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Sending;
using Normalizer.Storage;

namespace Normalizer.Identity;

/// <summary>
/// Looks at the customers who write. Once per contact and process it caches the contact's profile (the channel's
/// <see cref="IChannelProfiles"/>), links its ASID through <c>ids_for_apps</c> where the channel matches IDs, and
/// checks a new scoped ID for a PSID reset (README: identity): it joins the person of a contact of the same Page when
/// Meta confirms the link (<c>ids_for_apps</c> gives that contact's ASID, or a stale contact's ASID gives this ID through
/// <c>ids_for_pages</c>), or, as a guess, when its profile matches exactly one stale contact of the Page; either relink
/// stores an <c>identity.relinked</c> event. Its person then joins the persons of the contacts, on any Page or channel,
/// that carry an ASID Meta confirmed for it (<see cref="PersonLinker"/>; never on a profile alone). Then, on every
/// message, the person's queued sends go out to the contact that wrote, whatever its channel.
/// </summary>
public sealed partial class IdentityRelinker(
    IContactStore contacts, ICredentialStore credentials, IEnumerable<IChannelProfiles> profiles, IEnumerable<IIdMatchingClient> idMatching,
    IPendingSendStore pending, SendService sender, RelinkedEvents relinked, PersonLinker persons, ILogger<IdentityRelinker> logger)
{
    /// <summary>How many of a Page's most recently seen stale contacts with an ASID a new ID is checked against.</summary>
    public const int StaleCandidates = 5;

    private readonly Dictionary<Platform, IChannelProfiles> _profiles = profiles.ToDictionary(p => p.Platform);
    private readonly Dictionary<Platform, IIdMatchingClient> _idMatching = idMatching.ToDictionary(m => m.Platform);

    // The (page, user) pairs looked at by this process, the most recent 100,000: one set entry per customer for the
    // life of the process would grow without end. A pair forgotten is looked at once more, as after a restart; its
    // profile and ASID are stored by then.
    private readonly InMemoryDedupStore _looked = new();

    /// <summary>
    /// Looks at one stored inbound event: the identity checks once per contact and process (the 100,000 most recent
    /// contacts), then the person's queued sends.
    /// </summary>
    public async Task OnEventAsync(NormalizedEvent evt, CancellationToken cancellationToken)
    {
        // A user_ref (chat plugin guest) has neither a profile nor IDs to match.
        if (evt is not { UserId: { } userId } || evt.UserIdType == IdType.UserRef
            || evt.Event is not (EventName.MessageReceived or EventName.PostbackReceived))
        {
            return;
        }

        if (await _looked.TryClaimAsync(evt.PageId + "/" + userId, cancellationToken).ConfigureAwait(false))
        {
            await LookAsync(evt, userId, cancellationToken).ConfigureAwait(false);
        }

        // One indexed query per message; the contact is read again only when its person has sends waiting.
        if (await pending.HasPendingAsync(userId, evt.PageId, cancellationToken).ConfigureAwait(false)
            && await contacts.FindAsync(userId, evt.PageId, cancellationToken).ConfigureAwait(false) is { } writer)
        {
            await sender.FlushPendingAsync(writer, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task LookAsync(NormalizedEvent evt, string userId, CancellationToken cancellationToken)
    {
        if (await contacts.FindAsync(userId, evt.PageId, cancellationToken).ConfigureAwait(false) is not { } contact)
        {
            return;
        }

        // What the lookups learn is written with LinkAsync, never by saving the contact read above: a send may mark it
        // unreachable (a PSID reset) meanwhile, and that is newer than this event.
        var page = await credentials.FindPageAsync(evt.PageId, cancellationToken).ConfigureAwait(false);
        var profile = contact.Profile ?? await ProfileAsync(evt, contact, page, cancellationToken).ConfigureAwait(false);
        var asid = contact.AppScoped;
        List<AppScopedId> confirmed = asid is { } stored ? [stored] : [];
        Contact? previous = null;
        string? method = null;
        _idMatching.TryGetValue(evt.Platform, out var matching);

        // An ASID stored before its app was kept is asked again, so that it gets its app.
        if (matching is not null && asid is null && page is not null)
        {
            // ids_for_apps lists the person's ASIDs in every app of the business; the one of the Page's own app comes first.
            var result = await matching.IdsForAppsAsync(userId, page, cancellationToken).ConfigureAwait(false);
            confirmed.AddRange(result.Matches.Select(m => new AppScopedId(m.Id, m.ScopeId)));
            var match = result.Matches.FirstOrDefault(m => m.ScopeId == page.AppId) ?? result.Matches.FirstOrDefault();
            asid = match is null ? null : new AppScopedId(match.Id, match.ScopeId);
            previous = asid is not { } known ? null : (await contacts.ListByAsidAsync(known, cancellationToken).ConfigureAwait(false))
                .Where(c => c.ScopeId == evt.PageId && c.ScopedId != userId && c.PersonId != contact.PersonId)
                .OrderBy(c => c.IsActive).ThenByDescending(c => c.LastSeen).FirstOrDefault();
            method = previous is null ? null : RelinkMethod.IdsForApps;
        }

        // A scoped ID seen for the first time by this event is new: is it a known person's after a reset?
        var isNew = contact.FirstSeen.ToUnixTimeMilliseconds() >= evt.Timestamp * 1000;
        if (previous is null && isNew && matching is not null && page is not null)
        {
            (previous, asid) = await ByIdsForPagesAsync(matching, contact, page, asid, cancellationToken).ConfigureAwait(false);
            method = previous is null ? null : RelinkMethod.IdsForPages;
            if (previous is not null && asid is { } given)
            {
                confirmed.Add(given);
            }
        }

        if (previous is null && isNew && ProfileKey.Of(profile) is { } key
            && await contacts.ListStaleByProfileAsync(evt.PageId, key, contact.Id, cancellationToken).ConfigureAwait(false) is [var only])
        {
            // Two stale contacts with the profile are two people who may be either: a new contact, no guess.
            previous = only.PersonId == contact.PersonId ? null : only;
            method = previous is null ? null : RelinkMethod.Profile;
        }

        // Only what is new is written: the ASID found, the profile fetched (or, failing that, the relinked person's).
        var learnedAsid = asid is not null && asid != contact.AppScoped ? asid : null;
        var learnedProfile = contact.Profile is null ? profile ?? previous?.Profile : null;
        if (learnedAsid is not null || learnedProfile is not null)
        {
            await contacts.LinkAsync(contact.Id, learnedAsid, null, learnedProfile, cancellationToken).ConfigureAwait(false);
        }
        if (previous is not null && method is not null)
        {
            await RelinkAsync(evt, contact, previous, method, asid, profile, cancellationToken).ConfigureAwait(false);
        }

        // Then every contact that carries one of the ASIDs Meta confirmed for this ID, on any Page, is the same person.
        var person = previous?.PersonId ?? contact.PersonId;
        foreach (var confirmedAsid in confirmed.Distinct())
        {
            person = await persons.MergeAsync(person, confirmedAsid, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RelinkAsync(NormalizedEvent evt, Contact contact, Contact previous, string method, AppScopedId? asid, UserProfile? profile,
        CancellationToken cancellationToken)
    {
        // The new ID joins the person (with any contact already linked to it); the old one is no longer its ID on this Page.
        await contacts.MergePersonsAsync(contact.PersonId, previous.PersonId, cancellationToken).ConfigureAwait(false);
        await contacts.MarkInactiveAsync(previous.Id, cancellationToken).ConfigureAwait(false);
        var current = contact with
        {
            PersonId = previous.PersonId, Asid = asid?.Asid ?? contact.Asid, AsidAppId = asid?.AppId ?? contact.AsidAppId,
            Profile = profile ?? previous.Profile,
        };
        var relink = new Relink(current, previous, method);
        LogRelinked(logger, evt.PageId, relink.Method, relink.Confidence);
        await relinked.StoreAsync(relink, evt, cancellationToken).ConfigureAwait(false);
    }

    // The Page's most recently seen stale contacts that have an ASID: the first whose ASID gives this ID on the Page.
    private async Task<(Contact? Previous, AppScopedId? Asid)> ByIdsForPagesAsync(IIdMatchingClient matching, Contact contact,
        PageCredentials page, AppScopedId? asid, CancellationToken cancellationToken)
    {
        var stale = await contacts.ListStaleWithAsidAsync(contact.ScopeId, StaleCandidates, cancellationToken).ConfigureAwait(false);
        foreach (var candidate in stale.Where(c => c.Id != contact.Id && c.PersonId != contact.PersonId))
        {
            // ids_for_pages takes the token of the app that scopes the ASID; one stored before its app was kept is tried
            // with the Page's app.
            if ((candidate.AsidAppId ?? page.AppId) is not { } appId
                || await credentials.FindAppAsync(appId, cancellationToken).ConfigureAwait(false) is not { } app)
            {
                continue;
            }

            var result = await matching.IdsForPagesAsync(candidate.Asid!, contact.ScopeId, app, cancellationToken).ConfigureAwait(false);
            if (result.Matches.Any(m => m.ScopeId == contact.ScopeId && m.Id == contact.ScopedId))
            {
                return (candidate, new AppScopedId(candidate.Asid!, app.AppId));
            }
        }

        return (null, asid);
    }

    // Fetched once and cached on the contact (README: identity), from wherever the channel has it.
    private async Task<UserProfile?> ProfileAsync(NormalizedEvent evt, Contact contact, PageCredentials? page, CancellationToken cancellationToken) =>
        _profiles.TryGetValue(evt.Platform, out var source)
            ? await source.ProfileAsync(evt, contact.Tagged, page, cancellationToken).ConfigureAwait(false)
            : null;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "A customer of page {PageId} wrote from a new ID; relinked to a known person ({Method}, {Confidence})")]
    private static partial void LogRelinked(ILogger logger, string pageId, string method, string confidence);
}
