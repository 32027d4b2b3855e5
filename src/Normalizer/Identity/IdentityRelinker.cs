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
/// When a Messenger customer writes from a PSID whose ASID is not known yet, asks <c>ids_for_apps</c> for it.
/// If that ASID already belongs to another PSID of the same Page (a PSID reset), the new contact joins that
/// person, an <c>identity.relinked</c> event is stored, and the person's queued sends go out to the new ID.
/// </summary>
public sealed partial class IdentityRelinker(
    IContactStore contacts, ICredentialStore credentials, IIdMatchingClient idMatching, SendService sender,
    IServiceScopeFactory scopes, EventFeed feed, TimeProvider time, ILogger<IdentityRelinker> logger)
{
    private readonly HashSet<string> _checked = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Looks at one stored event; does nothing for events that cannot start a relink.</summary>
    public async Task OnEventAsync(NormalizedEvent evt, CancellationToken cancellationToken)
    {
        if (evt is not { Platform: Platform.Facebook, UserId: { } psid } || evt.Event is not (EventName.MessageReceived or EventName.PostbackReceived))
        {
            return;
        }

        var contact = await contacts.FindAsync(psid, evt.PageId, cancellationToken).ConfigureAwait(false);
        if (contact is null || contact.Asid is not null || !FirstLook(psid, evt.PageId))
        {
            return;
        }

        var page = await credentials.FindPageAsync(evt.PageId, cancellationToken).ConfigureAwait(false);
        if (page is null)
        {
            return;
        }

        var result = await idMatching.IdsForAppsAsync(psid, page, cancellationToken).ConfigureAwait(false);
        if (result.Matches.FirstOrDefault() is not { } match)
        {
            return;
        }

        var previous = (await contacts.ListByAsidAsync(match.Id, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(c => c.ScopeId == evt.PageId && c.ScopedId != psid);
        var linked = contact with { Asid = match.Id, PersonId = previous?.PersonId ?? contact.PersonId, IsActive = true, Profile = contact.Profile ?? previous?.Profile };
        await contacts.SaveAsync(linked, cancellationToken).ConfigureAwait(false);
        if (previous is null)
        {
            return;
        }

        LogRelinked(logger, evt.PageId);
        await StoreRelinkedAsync(evt, linked, previous, cancellationToken).ConfigureAwait(false);
        await sender.FlushPendingAsync(linked, cancellationToken).ConfigureAwait(false);
    }

    private bool FirstLook(string psid, string pageId)
    {
        lock (_gate)
        {
            return _checked.Add(pageId + "/" + psid);
        }
    }

    private async Task StoreRelinkedAsync(NormalizedEvent trigger, Contact linked, Contact previous, CancellationToken cancellationToken)
    {
        var raw = JsonSerializer.SerializeToElement(new Dictionary<string, string?>
        {
            ["previous_user_id"] = previous.ScopedId, ["user_id"] = linked.ScopedId, ["asid"] = linked.Asid,
            ["person_id"] = linked.PersonId, ["contact_id"] = linked.Id, ["method"] = "ids_for_apps",
        }, Json.NormalizerJsonContext.Default.DictionaryStringString);
        var evt = trigger with
        {
            Id = EventIds.Event(Platform.Facebook, trigger.PageId, $"relinked:{previous.ScopedId}:{linked.ScopedId}"),
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
