using MediatR;
using Normalizer.Storage;

namespace Normalizer.Ingest.Behaviors;

/// <summary>
/// Third: claims the event id (derived from the platform's identity of the update) in the dedup store.
/// A claim that is already taken means Meta redelivered the update: no second event.
/// </summary>
internal sealed class DedupBehavior(IDedupStore store) : IPipelineBehavior<ProcessEvent, ProcessEventResult>
{
    public async Task<ProcessEventResult> Handle(ProcessEvent request, CancellationToken cancellationToken,
        RequestHandlerDelegate<ProcessEventResult> next)
    {
        if (!await store.TryClaimAsync(request.Event.Id, cancellationToken).ConfigureAwait(false))
        {
            return ProcessEventResult.Duplicate;
        }

        return await next().ConfigureAwait(false);
    }
}
