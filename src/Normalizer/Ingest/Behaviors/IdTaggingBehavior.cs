using MediatR;
using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Ingest.Behaviors;

/// <summary>
/// Second: collects the customer IDs the event carries as tagged, scoped IDs (schemas/README.md: the ID types), so later
/// steps never see a bare string. An event whose <c>contact</c> part names the customer by phone (wa_id) and BSUID lists
/// both, so that the two can be linked.
/// </summary>
internal sealed class IdTaggingBehavior : IPipelineBehavior<ProcessEvent, ProcessEventResult>
{
    public Task<ProcessEventResult> Handle(ProcessEvent request, CancellationToken cancellationToken,
        RequestHandlerDelegate<ProcessEventResult> next)
    {
        request.Identities = Tag(request.Event);
        return next();
    }

    internal static IReadOnlyList<ScopedId> Tag(NormalizedEvent evt)
    {
        if (evt.User is not { } user)
        {
            return [];
        }

        var scope = new TaggedId(evt.PageIdType, evt.PageId);
        var contact = evt.Contact;
        if (contact is null)
        {
            return [new ScopedId(user, scope)];
        }

        var ids = new List<ScopedId>(2) { new(user, scope) };
        foreach (var (value, type) in new[] { (contact.WaId, IdType.WaId), (contact.UserId, IdType.WaBsuid) })
        {
            if (!string.IsNullOrEmpty(value) && new TaggedId(type, value) is var id && id != user)
            {
                ids.Add(new ScopedId(id, scope));
            }
        }

        return ids;
    }
}
