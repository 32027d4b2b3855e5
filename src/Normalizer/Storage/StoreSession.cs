using System.Data.Common;

namespace Normalizer.Storage;

/// <summary>
/// The unit of work of one scope (an inbox batch, an API call): one connection and one write transaction,
/// opened on first use and committed once, so that many events cost one commit.
/// </summary>
public sealed class StoreSession(IStoreConnectionFactory connections) : IAsyncDisposable
{
    private DbConnection? _connection;
    private DbTransaction? _transaction;
    private readonly List<StoredEvent> _stored = [];

    /// <summary>The dialect of the store.</summary>
    public ISqlDialect Dialect => connections.Dialect;

    /// <summary>Inbox row whose events are being processed, recorded on each stored event.</summary>
    public long? InboxId { get; set; }

    /// <summary>Events stored in this session, announced to listeners after commit.</summary>
    public IReadOnlyList<StoredEvent> Stored => _stored;

    /// <summary>The open connection and transaction, begun on first call.</summary>
    public async ValueTask<(DbConnection Connection, DbTransaction Transaction)> BeginAsync(CancellationToken cancellationToken)
    {
        if (_transaction is null)
        {
            _connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
            _transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        }

        return (_connection!, _transaction);
    }

    internal void AddStored(StoredEvent stored) => _stored.Add(stored);

    /// <summary>Marks a point to return to if the work after it fails (one inbox row).</summary>
    public async ValueTask<int> SaveAsync(string name, CancellationToken cancellationToken)
    {
        var (_, transaction) = await BeginAsync(cancellationToken).ConfigureAwait(false);
        await transaction.SaveAsync(name, cancellationToken).ConfigureAwait(false);
        return _stored.Count;
    }

    /// <summary>
    /// Forgets the mark of <see cref="SaveAsync"/> (its work stays in the transaction). Release every mark: SQLite
    /// nests unreleased savepoints, and each page write then pays for every open one.
    /// </summary>
    public async ValueTask ReleaseAsync(string name, CancellationToken cancellationToken) =>
        await _transaction!.ReleaseAsync(name, cancellationToken).ConfigureAwait(false);

    /// <summary>Undoes everything since <see cref="SaveAsync"/>; the mark stays until <see cref="ReleaseAsync"/>.</summary>
    public async ValueTask RollbackToAsync(string name, int storedCount, CancellationToken cancellationToken)
    {
        await _transaction!.RollbackAsync(name, cancellationToken).ConfigureAwait(false);
        _stored.RemoveRange(storedCount, _stored.Count - storedCount);
    }

    /// <summary>Commits the work of the session (nothing to do when nothing was written).</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            await _transaction.DisposeAsync().ConfigureAwait(false);
            _transaction = null;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
