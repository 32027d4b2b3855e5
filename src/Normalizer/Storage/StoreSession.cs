using System.Data.Common;

namespace Normalizer.Storage;

/// <summary>
/// The unit of work of one scope (an inbox batch, an API call): one connection and one write transaction,
/// opened on first use and committed once, so that many events cost one commit. Statements run once per
/// event are kept prepared for the session (<see cref="CommandAsync"/>).
/// </summary>
public sealed class StoreSession(IStoreConnectionFactory connections) : IAsyncDisposable
{
    private DbConnection? _connection;
    private DbTransaction? _transaction;
    private readonly List<StoredEvent> _stored = [];
    private readonly HashSet<string> _storedIds = new(StringComparer.Ordinal);
    private Dictionary<string, IPreparedCommand>? _commands;
    private List<DeferredStatement>? _deferred;
    private bool _logLocked;
    private bool _defersAppends;

    /// <summary>The dialect of the store.</summary>
    public ISqlDialect Dialect => connections.Dialect;

    /// <summary>
    /// Commit without waiting for stable storage when the provider can (<see cref="IDeferredSyncConnections"/>): for
    /// work that is redone if a power loss undoes it — the inbox processor, whose batch marks its inbox rows in the same
    /// transaction, so a lost commit only leaves them pending. Set before the first statement.
    /// </summary>
    public bool DeferSync { get; set; }

    /// <summary>
    /// Whether event inserts may be kept with the session's kept statements and answered when those are sent
    /// (<see cref="IEventSink.AppendAsync"/> then answers null): set by a caller that does not wait for each event's
    /// answer (the inbox processor). Only where the provider keeps statements (<see cref="IStoreConnectionFactory.DefersStatements"/>).
    /// </summary>
    public bool DefersAppends
    {
        get => _defersAppends && connections.DefersStatements;
        set => _defersAppends = value;
    }

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
            if (DeferSync && connections is IDeferredSyncConnections deferred)
            {
                await deferred.DeferSyncAsync(_connection, cancellationToken).ConfigureAwait(false);
            }

            _transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        }

        return (_connection!, _transaction);
    }

    /// <summary>
    /// Takes the log lock for the rest of the transaction (begun if needed), once: before the first event is appended
    /// (<see cref="IStoreConnectionFactory.LockLogAsync"/>).
    /// </summary>
    public async ValueTask LockLogAsync(CancellationToken cancellationToken)
    {
        var (connection, transaction) = await BeginAsync(cancellationToken).ConfigureAwait(false);
        if (!_logLocked)
        {
            await connections.LockLogAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            _logLocked = true;
        }
    }

    internal void AddStored(StoredEvent stored)
    {
        _stored.Add(stored);
        _storedIds.Add(stored.Event.Id);
    }

    /// <summary>Whether this session stored an event with <paramref name="eventId"/> (answered without asking the store).</summary>
    public bool HasStored(string eventId) => _storedIds.Contains(eventId);

    /// <summary>
    /// The session's command for <paramref name="sql"/> in the open transaction (begun if needed), with
    /// <paramref name="parameters"/> in that order: prepared on first use (<see cref="IStoreConnectionFactory.Prepare"/>),
    /// then reused, so the engine compiles the statement once per session rather than once per execution (Dapper
    /// creates a command per call, and Microsoft.Data.Sqlite compiles each new command again). Set each value by
    /// position and execute; the command belongs to the session — do not dispose it. For statements run per event;
    /// pass a <c>const</c> or cached string (the text is the key).
    /// </summary>
    public async ValueTask<IPreparedCommand> CommandAsync(string sql, string[] parameters, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await BeginAsync(cancellationToken).ConfigureAwait(false);
        _commands ??= new Dictionary<string, IPreparedCommand>(StringComparer.Ordinal);
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connections.Prepare(connection, transaction, sql, parameters);
            _commands.Add(sql, command);
        }

        return command;
    }

    /// <summary>
    /// A statement whose result nobody waits for (an upsert), run by <see cref="RunAsync"/> once its values are set: at once
    /// through the session's prepared command (<see cref="CommandAsync"/>), or, where the provider sends such statements
    /// together (<see cref="IStoreConnectionFactory.DefersStatements"/>), kept until the session's next savepoint, read that
    /// needs them (<see cref="FlushAsync"/>) or commit.
    /// </summary>
    public async ValueTask<IRowValues> StatementAsync(string sql, string[] parameters, CancellationToken cancellationToken)
    {
        if (!connections.DefersStatements)
        {
            return await CommandAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
        }

        await BeginAsync(cancellationToken).ConfigureAwait(false);
        return new DeferredStatement(sql, parameters);
    }

    /// <summary>Runs, or keeps for later, a statement of <see cref="StatementAsync"/> whose values are set.</summary>
    public async ValueTask RunAsync(IRowValues statement, CancellationToken cancellationToken)
    {
        if (statement is DeferredStatement deferred)
        {
            (_deferred ??= []).Add(deferred);
            return;
        }

        await ((IPreparedCommand)statement).ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the statements kept by <see cref="RunAsync"/>: before a read that must see them, a savepoint and a commit.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_deferred is { Count: > 0 } deferred)
        {
            await connections.ExecuteDeferredAsync(_connection!, _transaction!, deferred, cancellationToken).ConfigureAwait(false);
            deferred.Clear();
        }
    }

    /// <summary>Marks a point to return to if the work after it fails (one inbox row).</summary>
    public async ValueTask<int> SaveAsync(string name, CancellationToken cancellationToken)
    {
        // SAVEPOINT/RELEASE run twice per inbox row: prepared once (standard SQL, as DbTransaction.Save issues it). Kept
        // statements go first: they belong to the work before the mark.
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        var command = await CommandAsync(Dialect.Savepoint(name), [], cancellationToken).ConfigureAwait(false);
        await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return _stored.Count;
    }

    /// <summary>
    /// Forgets the mark of <see cref="SaveAsync"/> (its work stays in the transaction). Release every mark: SQLite
    /// nests unreleased savepoints, and each page write then pays for every open one. Nothing to run where the engine
    /// has no release (<see cref="ISqlDialect.ReleaseSavepoint"/>).
    /// </summary>
    public async ValueTask ReleaseAsync(string name, CancellationToken cancellationToken)
    {
        // The row's kept statements run before its mark goes, so that a failing one is the row's.
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        if (Dialect.ReleaseSavepoint(name) is not { } release)
        {
            return;
        }

        var command = await CommandAsync(release, [], cancellationToken).ConfigureAwait(false);
        await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Undoes everything since <see cref="SaveAsync"/>; the mark stays until <see cref="ReleaseAsync"/>.</summary>
    public async ValueTask RollbackToAsync(string name, int storedCount, CancellationToken cancellationToken)
    {
        _deferred?.Clear(); // kept since the mark: undone with the rest
        await _transaction!.RollbackAsync(name, cancellationToken).ConfigureAwait(false);
        foreach (var undone in _stored.Skip(storedCount))
        {
            _storedIds.Remove(undone.Event.Id);
        }

        _stored.RemoveRange(storedCount, _stored.Count - storedCount);
    }

    /// <summary>Commits the work of the session (nothing to do when nothing was written).</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
            DisposeCommands(); // prepared for this transaction; a later one prepares its own
            await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            await _transaction.DisposeAsync().ConfigureAwait(false);
            _transaction = null;
            _logLocked = false;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        DisposeCommands();
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void DisposeCommands()
    {
        if (_commands is null)
        {
            return;
        }

        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands = null;
    }
}
