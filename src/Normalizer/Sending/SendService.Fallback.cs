using Normalizer.Identity;
using Normalizer.Ids;

namespace Normalizer.Sending;

public sealed partial class SendService
{
    // invalid_recipient: the ID is stale. Mark it; try its current scoped ID through the linked ASID; else another
    // channel of the same person that the caller allows; else queue (if asked) or fail.
    private async Task<SendResult> FallBackAsync(SendRequest request, SendTarget target, SendError error, List<SendAttempt> attempts,
        CancellationToken cancellationToken)
    {
        var contact = target.Contact;
        if (contact is not null)
        {
            await contacts.MarkInactiveAsync(contact.Id, cancellationToken).ConfigureAwait(false);
        }

        if (await RefreshedTargetAsync(target, cancellationToken).ConfigureAwait(false) is { } refreshed)
        {
            var outcome = await SendToAsync(request, refreshed, attempts, cancellationToken).ConfigureAwait(false);
            if (outcome.Error is not { Kind: SendErrorKind.InvalidRecipient })
            {
                return Finish(refreshed, outcome, attempts, FallbackTaken.RefreshedId);
            }

            error = outcome.Error;
        }

        foreach (var other in await OtherChannelsAsync(request, contact, cancellationToken).ConfigureAwait(false))
        {
            var outcome = await SendToAsync(request with { MessagingType = null, Tag = null }, other, attempts, cancellationToken).ConfigureAwait(false);
            if (outcome.Error is null)
            {
                return Finish(other, outcome, attempts, FallbackTaken.Channel);
            }
        }

        if (request.QueueIfUnreachable && contact is not null)
        {
            var id = await pending.AddAsync(contact.PersonId, request, cancellationToken).ConfigureAwait(false);
            return new SendResult
            {
                Status = SendStatus.Queued, Platform = target.Platform, PageId = target.PageId, To = target.Recipient.Value,
                Attempts = attempts, Error = error, QueuedId = id,
            };
        }

        return Finished(target, error, attempts);
    }

    // On a channel whose IDs link through the app-scoped ID (IIdMatchingClient; Messenger's ids_for_pages with the app
    // token): the person's current scoped ID on this Page, if Meta knows a newer one.
    private async Task<SendTarget?> RefreshedTargetAsync(SendTarget target, CancellationToken cancellationToken)
    {
        if (target.Contact is not { Asid: { } asid } contact || !_idMatching.TryGetValue(target.Platform, out var matching)
            || !_senders.TryGetValue(target.Platform, out var sender))
        {
            return null;
        }

        // ids_for_pages takes the token of the app that scopes the ASID; an ASID stored before its app was kept is tried
        // with the Page's app, and a PSID in the answer confirms that app.
        var page = await credentials.FindPageAsync(target.PageId, cancellationToken).ConfigureAwait(false);
        var app = (contact.AsidAppId ?? page?.AppId) is { } appId ? await credentials.FindAppAsync(appId, cancellationToken).ConfigureAwait(false) : null;
        if (app is null)
        {
            return null;
        }

        var result = await matching.IdsForPagesAsync(asid, target.PageId, app, cancellationToken).ConfigureAwait(false);
        var scopedId = result.Matches.FirstOrDefault(m => m.ScopeId == target.PageId && m.Id != contact.ScopedId)?.Id;
        if (scopedId is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var existing = await contacts.FindAsync(scopedId, target.PageId, cancellationToken).ConfigureAwait(false);
        var relinked = (existing ?? new Contact
        {
            Id = RecordIds.New(now).ToString(), PersonId = contact.PersonId, Platform = target.Platform, ScopedId = scopedId,
            IdType = sender.RecipientType(scopedId), ScopeId = target.PageId, IsActive = true, FirstSeen = now, LastSeen = now,
        }) with { PersonId = contact.PersonId, Asid = asid, AsidAppId = app.AppId, IsActive = true, Profile = existing?.Profile ?? contact.Profile };
        await contacts.SaveAsync(relinked, cancellationToken).ConfigureAwait(false);
        if (existing?.PersonId != contact.PersonId)
        {
            // Any other contact of the ID's former person joins too; then the relink is told like one found on a message.
            if (existing is not null)
            {
                await contacts.MergePersonsAsync(existing.PersonId, contact.PersonId, cancellationToken).ConfigureAwait(false);
            }

            await relinkedEvents.StoreAsync(new Relink(relinked, contact, RelinkMethod.IdsForPages), null, cancellationToken).ConfigureAwait(false);
        }

        // Same person, same Page: the reply window of the conversation it was in still applies.
        return target with { Recipient = relinked.Tagged, Contact = relinked };
    }

    private async Task<IReadOnlyList<SendTarget>> OtherChannelsAsync(SendRequest request, Contact? contact, CancellationToken cancellationToken)
    {
        if (request.FallbackChannels is not { Count: > 0 } channels || contact is null)
        {
            return [];
        }

        var others = (await contacts.ListByPersonAsync(contact.PersonId, cancellationToken).ConfigureAwait(false))
            .Where(c => c.IsActive && c.Id != contact.Id).ToList();
        var targets = new List<SendTarget>();
        foreach (var platform in channels)
        {
            foreach (var other in others.Where(c => c.Platform == platform))
            {
                targets.Add(await TargetAsync(other, cancellationToken).ConfigureAwait(false));
            }
        }

        return targets;
    }

    private static SendResult Finished(SendTarget target, SendError error, List<SendAttempt> attempts) => new()
    {
        Status = SendStatus.Failed, Platform = target.Platform, PageId = target.PageId, To = target.Recipient.Value,
        Attempts = attempts, Error = error,
    };
}
