using MediatR;
using Normalizer.Storage;

namespace Normalizer.Ingest;

/// <summary>Last: hands the new event to the sink (the store), which may still find it a duplicate by its unique id.</summary>
internal sealed class ProcessEventHandler(IEventSink sink) : IRequestHandler<ProcessEvent, ProcessEventResult>
{
    public async Task<ProcessEventResult> Handle(ProcessEvent request, CancellationToken cancellationToken)
    {
        return await sink.AppendAsync(request.Event, request.Identities, cancellationToken).ConfigureAwait(false) switch
        {
            true => ProcessEventResult.Stored,
            false => ProcessEventResult.Duplicate,
            null => ProcessEventResult.Pending,
        };
    }
}
