using System.Data.Common;

namespace Normalizer.Storage;

/// <summary>
/// Optional for a provider whose engine can commit without flushing to stable storage (SQLite WAL with
/// <c>synchronous=NORMAL</c>): such a commit survives a process crash but may be lost — whole, never torn — on power
/// loss, until the next flushed commit or checkpoint. Only for work that is redone when lost (<see cref="StoreSession.DeferSync"/>).
/// </summary>
public interface IDeferredSyncConnections
{
    /// <summary>Makes the commits of <paramref name="connection"/> skip the flush (until it goes back to the pool).</summary>
    ValueTask DeferSyncAsync(DbConnection connection, CancellationToken cancellationToken);
}
