using MediatR;
using Normalizer.Storage;

namespace Normalizer.Ingest;

/// <summary>Last: hands the new event to the sink (the store, which also queues deliveries).</summary>
internal sealed class ProcessEventHandler(IEventSink sink) : IRequestHandler<ProcessEvent, ProcessEventResult>
{
    public async Task<ProcessEventResult> Handle(ProcessEvent request, CancellationToken cancellationToken)
    {
        await sink.AppendAsync(request.Event, request.Identities, cancellationToken).ConfigureAwait(false);
        return ProcessEventResult.Stored;
    }
}
