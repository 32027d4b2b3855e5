using Normalizer.Events;
using Normalizer.Ingest;

namespace Normalizer.Storage;

/// <summary>The sink of the offline CLI: the pipeline's answer is all it needs.</summary>
internal sealed class NullEventSink : IEventSink
{
    public ValueTask<bool?> AppendAsync(NormalizedEvent evt, IReadOnlyList<ScopedId> identities, CancellationToken cancellationToken) =>
        ValueTask.FromResult<bool?>(true);
}
