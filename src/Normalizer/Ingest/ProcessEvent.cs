using MediatR;
using Normalizer.Events;

namespace Normalizer.Ingest;

/// <summary>The pipeline request: one normalized event on its way to the store.</summary>
public sealed class ProcessEvent(NormalizedEvent @event) : IRequest<ProcessEventResult>
{
    /// <summary>The event.</summary>
    public NormalizedEvent Event { get; } = @event;

    /// <summary>
    /// The customer IDs the event carries, tagged and scoped; filled by the ID-tagging behavior
    /// (MediatR 5 passes the same request object down the pipeline).
    /// </summary>
    public IReadOnlyList<ScopedId> Identities { get; set; } = [];
}
