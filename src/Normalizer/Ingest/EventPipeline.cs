using MediatR;
using Normalizer.Events;

namespace Normalizer.Ingest;

/// <summary>
/// Runs one event through validation → ID tagging → dedup → store. The only entry point to the
/// pipeline, so MediatR stays an implementation detail of the core.
/// </summary>
public sealed class EventPipeline(IMediator mediator)
{
    /// <summary>Processes <paramref name="evt"/>; the result says whether it was stored, a duplicate or rejected.</summary>
    public Task<ProcessEventResult> ProcessAsync(NormalizedEvent evt, CancellationToken cancellationToken = default) =>
        mediator.Send(new ProcessEvent(evt), cancellationToken);
}
