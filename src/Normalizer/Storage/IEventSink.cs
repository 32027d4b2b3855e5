using Normalizer.Events;
using Normalizer.Ingest;

namespace Normalizer.Storage;

/// <summary>Where new events go at the end of the pipeline.</summary>
public interface IEventSink
{
    /// <summary>Stores a new event with the customer IDs it carries.</summary>
    ValueTask AppendAsync(NormalizedEvent evt, IReadOnlyList<ScopedId> identities, CancellationToken cancellationToken);
}
