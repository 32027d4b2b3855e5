using Normalizer.Events;
using Normalizer.Identity;
using Normalizer.Ids;

namespace Normalizer.Sending;

public sealed partial class SendService
{
    // `to` is a conversation id (conv_…), a contact id (a UUID), or a scoped ID that needs its page_id.
    private async Task<(SendTarget? Target, SendError? Error)> ResolveAsync(SendRequest request, CancellationToken cancellationToken)
    {
        if (request.To.StartsWith("conv_", StringComparison.Ordinal))
        {
            var conversation = await conversations.GetAsync(request.To, cancellationToken).ConfigureAwait(false);
            return conversation is null
                ? (null, BadRequest($"no conversation '{request.To}'"))
                : await TargetAsync(conversation.Platform, conversation.PageId, conversation.UserId, cancellationToken).ConfigureAwait(false);
        }

        if (Guid.TryParse(request.To, out _))
        {
            var contact = await contacts.GetAsync(request.To, cancellationToken).ConfigureAwait(false);
            return contact is null
                ? (null, BadRequest($"no contact '{request.To}'"))
                : (await TargetAsync(contact, cancellationToken).ConfigureAwait(false), null);
        }

        if (request.PageId is not { Length: > 0 } pageId)
        {
            return (null, BadRequest("'page_id' is required when 'to' is a scoped ID (a PSID only works with its own Page's token)"));
        }

        var platform = request.Platform;
        if (platform is null)
        {
            platform = (await credentials.FindPageAsync(pageId, cancellationToken).ConfigureAwait(false))?.Platform;
            if (platform is null)
            {
                return (null, BadRequest($"'platform' is required: page_id {pageId} is not configured"));
            }
        }

        return await TargetAsync(platform.Value, pageId, request.To, cancellationToken).ConfigureAwait(false);
    }

    // A customer not seen yet gets the type its channel's sender gives a bare ID of the platform.
    private async Task<(SendTarget? Target, SendError? Error)> TargetAsync(Platform platform, string pageId, string userId, CancellationToken cancellationToken)
    {
        var contact = await contacts.FindAsync(userId, pageId, cancellationToken).ConfigureAwait(false);
        if (contact is not null)
        {
            return (await TargetAsync(contact, cancellationToken).ConfigureAwait(false), null);
        }

        if (!_senders.TryGetValue(platform, out var sender))
        {
            return (null, BadRequest($"the {platform.ToWire()} channel is not enabled"));
        }

        var recipient = new TaggedId(sender.RecipientType(userId), userId);
        return (new SendTarget(platform, pageId, recipient, null, await LastInboundAsync(platform, pageId, userId, cancellationToken).ConfigureAwait(false)), null);
    }

    private async Task<SendTarget> TargetAsync(Contact contact, CancellationToken cancellationToken) =>
        new(contact.Platform, contact.ScopeId, contact.Tagged, contact,
            await LastInboundAsync(contact.Platform, contact.ScopeId, contact.ScopedId, cancellationToken).ConfigureAwait(false));

    private async Task<DateTimeOffset?> LastInboundAsync(Platform platform, string pageId, string userId, CancellationToken cancellationToken) =>
        (await conversations.GetAsync(EventIds.Conversation(platform, pageId, userId), cancellationToken).ConfigureAwait(false))?.LastInboundAt;

    private static SendError BadRequest(string message) => new() { Kind = SendErrorKind.BadRequest, Message = message };
}
