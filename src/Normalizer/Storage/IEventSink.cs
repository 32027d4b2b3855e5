using Normalizer.Events;
using Normalizer.Ingest;

namespace Normalizer.Storage;

/// <summary>Where new events go at the end of the pipeline.</summary>
public interface IEventSink
{
    /// <summary>
    /// Stores a new event with the customer IDs it carries; false when the store already holds an event with its id (a
    /// redelivery, perhaps stored by another host): then nothing is written. Null when the insert is kept with the
    /// session's other statements (<see cref="StoreSession.DefersAppends"/>): the store answers when they are sent, and
    /// the event is then among <see cref="StoreSession.Stored"/> if it was new.
    /// </summary>
    ValueTask<bool?> AppendAsync(NormalizedEvent evt, IReadOnlyList<ScopedId> identities, CancellationToken cancellationToken);
}
