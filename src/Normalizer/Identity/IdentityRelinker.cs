using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Normalizer.Credentials;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Ingest;
using Normalizer.Sending;
using Normalizer.Storage;

namespace Normalizer.Identity;

/// <summary>
/// When a customer writes from an ID seen for the first time by this process, caches its profile (the channel's
/// <see cref="IChannelProfiles"/>) and, on a channel with an <see cref="IIdMatchingClient"/>, asks <c>ids_for_apps</c> for the
/// ASID of a scoped ID whose ASID is not known yet.
/// If that ASID already belongs to another scoped ID of the same Page (a PSID reset), the new contact joins that
/// person, an <c>identity.relinked</c> event is stored, and the person's queued sends go out to the new ID.
/// </summary>
public sealed partial class IdentityRelinker(
    IContactStore contacts, ICredentialStore credentials, IEnumerable<IChannelProfiles> profiles, IEnumerable<IIdMatchingClient> idMatching,
    SendService sender, IServiceScopeFactory scopes, EventFeed feed, TimeProvider time, ILogger<IdentityRelinker> logger)
{
    private readonly Dictionary<Platform, IChannelProfiles> _profiles = profiles.ToDictionary(p => p.Platform);
    private readonly Dictionary<Platform, IIdMatchingClient> _idMatching = idMatching.ToDictionary(m => m.Platform);

    // The (page, user) pairs looked at by this process, the most recent 100,000: one set entry per customer for the
    // life of the process would grow without end. A pair forgotten is looked at once more, as after a restart; its
    // profile and ASID are stored by then.
    private readonly InMemoryDedupStore _looked = new();

    /// <summary>
    /// Looks at one stored inbound event, once per contact and process (the 100,000 most recent contacts): caches the
    /// contact's profile (as the channel gives it) and, where the channel matches IDs, links its ASID.
    /// </summary>
    public async Task OnEventAsync(NormalizedEvent evt, CancellationToken cancellationToken)
    {
        // A user_ref (chat plugin guest) has neither a profile nor IDs to match.
        if (evt is not { UserId: { } userId } || evt.UserIdType == IdType.UserRef
            || evt.Event is not (EventName.MessageReceived or EventName.PostbackReceived)
            || !await _looked.TryClaimAsync(evt.PageId + "/" + userId, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (await contacts.FindAsync(userId, evt.PageId, cancellationToken).ConfigureAwait(false) is not { } contact)
        {
            return;
        }

        // What the lookups learn is written with LinkAsync, never by saving the contact read above: a send may mark it
        // unreachable (a PSID reset) meanwhile, and that is newer than this event.
        var page = await credentials.FindPageAsync(evt.PageId, cancellationToken).ConfigureAwait(false);
        var profiled = contact with { Profile = contact.Profile ?? await ProfileAsync(evt, contact, page, cancellationToken).ConfigureAwait(false) };
        // An ASID stored before its app was kept is asked again, so that it gets its app.
        if (!_idMatching.TryGetValue(evt.Platform, out var matching) || contact.AppScoped is not null || page is null)
        {
            if (profiled.Profile != contact.Profile)
            {
                await contacts.LinkAsync(contact.Id, null, null, profiled.Profile, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        // ids_for_apps lists the person's ASIDs in every app of the business; the one of the Page's own app comes first.
        var result = await matching.IdsForAppsAsync(userId, page, cancellationToken).ConfigureAwait(false);
        var match = result.Matches.FirstOrDefault(m => m.ScopeId == page.AppId) ?? result.Matches.FirstOrDefault();
        AppScopedId? asid = match is null ? null : new AppScopedId(match.Id, match.ScopeId);
        var previous = asid is not { } known ? null : (await contacts.ListByAsidAsync(known, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(c => c.ScopeId == evt.PageId && c.ScopedId != userId);
        var linked = profiled with
        {
            Asid = asid?.Asid ?? contact.Asid, AsidAppId = asid?.AppId ?? contact.AsidAppId, PersonId = previous?.PersonId ?? contact.PersonId,
            IsActive = true, Profile = profiled.Profile ?? previous?.Profile,
        };
        await contacts.LinkAsync(linked.Id, asid, previous?.PersonId, linked.Profile, cancellationToken).ConfigureAwait(false);
        if (previous is null)
        {
            return;
        }

        LogRelinked(logger, evt.PageId);
        await StoreRelinkedAsync(evt, linked, previous, cancellationToken).ConfigureAwait(false);
        await sender.FlushPendingAsync(linked, cancellationToken).ConfigureAwait(false);
    }

    // Fetched once and cached on the contact (README: identity), from wherever the channel has it.
    private async Task<UserProfile?> ProfileAsync(NormalizedEvent evt, Contact contact, Channels.PageCredentials? page, CancellationToken cancellationToken) =>
        _profiles.TryGetValue(evt.Platform, out var source)
            ? await source.ProfileAsync(evt, contact.Tagged, page, cancellationToken).ConfigureAwait(false)
            : null;

    private async Task StoreRelinkedAsync(NormalizedEvent trigger, Contact linked, Contact previous, CancellationToken cancellationToken)
    {
        var raw = new RawJson(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string?>
        {
            ["previous_user_id"] = previous.ScopedId, ["user_id"] = linked.ScopedId, ["asid"] = linked.Asid, ["asid_app_id"] = linked.AsidAppId,
            ["person_id"] = linked.PersonId, ["contact_id"] = linked.Id, ["method"] = "ids_for_apps",
        }, Json.NormalizerJsonContext.Default.DictionaryStringString));
        var evt = trigger with
        {
            Id = EventIds.Event(trigger.Platform, trigger.PageId, $"relinked:{previous.ScopedId}:{linked.ScopedId}"),
            Event = EventName.IdentityRelinked,
            ReceivedAt = time.GetUtcNow(),
            Message = null, Postback = null, Referral = null,
            Raw = raw,
        };
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<StoreSession>();
        await scope.ServiceProvider.GetRequiredService<EventPipeline>().ProcessAsync(evt, cancellationToken).ConfigureAwait(false);
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        feed.Publish(session.Stored);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A customer of page {PageId} wrote from a new PSID; relinked through the ID Matching API")]
    private static partial void LogRelinked(ILogger logger, string pageId);
}
