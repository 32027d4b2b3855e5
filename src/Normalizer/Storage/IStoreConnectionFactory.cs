using System.Data.Common;

namespace Normalizer.Storage;

/// <summary>
/// The ADO.NET glue of one provider (in the host): opens configured connections and knows the provider's
/// dialect and how it reports a unique-key violation.
/// </summary>
public interface IStoreConnectionFactory
{
    /// <summary>The provider's SQL dialect.</summary>
    ISqlDialect Dialect { get; }

    /// <summary>Opens a connection with the provider's session settings applied.</summary>
    ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Whether the inbox lives in a store of its own (SQLite: its own file, so that appending a webhook never waits
    /// for the processor's write lock). Then its rows are marked processed after the events are committed, in a
    /// transaction of their own; events are idempotent, so a crash in between only reprocesses rows.
    /// </summary>
    bool SeparateInbox => false;

    /// <summary>Opens a connection to the inbox's store (the same store unless <see cref="SeparateInbox"/>).</summary>
    ValueTask<DbConnection> OpenInboxAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    /// <summary>
    /// Begins a transaction for reads only, so that several SELECTs see one state of the store (a snapshot) without
    /// taking the write lock. The default is the provider's transaction at <see cref="System.Data.IsolationLevel.RepeatableRead"/>.
    /// </summary>
    async ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Compiles <paramref name="sql"/> on <paramref name="connection"/> for many runs in <paramref name="transaction"/>,
    /// its values set by the position of <paramref name="parameters"/>. The default goes through ADO.NET; a provider may
    /// bind straight to its engine (SQLite: no per-run parameter lookup by name, no data reader).
    /// </summary>
    IPreparedCommand Prepare(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<string> parameters) =>
        new DbPreparedCommand(connection, transaction, sql, parameters);

    /// <summary>
    /// Whether several hosts may share the store (a database server). Work that one host may do at a time is then
    /// locked in the database, not only in the process: the log lock (<see cref="LockLogAsync"/>), delivery leases.
    /// </summary>
    bool Shared => false;

    /// <summary>
    /// Takes the log lock for the rest of <paramref name="transaction"/>: the transaction that appends events holds it from
    /// before its first position is taken until it commits, so positions become visible in the order they were taken and a
    /// reader paging by position never passes one that commits later. Also serializes migrations between hosts. SQLite needs
    /// nothing (one writer per file: a position is taken inside the write lock); a server takes a transaction-scoped lock.
    /// </summary>
    ValueTask LockLogAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => default;

    /// <summary>
    /// Runs <paramref name="sql"/>, an INSERT that returns its generated id, once per row in <paramref name="transaction"/>,
    /// row <c>i</c>'s values set by <paramref name="bind"/> (by the position of <paramref name="parameters"/>); returns the ids
    /// in row order. The default runs one prepared statement row after row (SQLite: in process, nothing to save); a database
    /// server sends every run in one round trip.
    /// </summary>
    async ValueTask<long[]> InsertEachAsync(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<string> parameters,
        int rows, Action<IRowValues, int> bind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bind);
        var ids = new long[rows];
        using var insert = Prepare(connection, transaction, sql, parameters);
        for (var i = 0; i < rows; i++)
        {
            bind(insert, i);
            ids[i] = await insert.ExecuteInt64Async(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The insert returned no id.");
        }

        return ids;
    }

    /// <summary>
    /// Whether statements whose results nobody waits for are kept and sent together (<see cref="StoreSession.StatementAsync"/>):
    /// worth it where each statement is a round trip to a server; SQLite runs each at once, in process.
    /// </summary>
    bool DefersStatements => false;

    /// <summary>Runs <paramref name="statements"/> in order in <paramref name="transaction"/>: in one round trip where the provider can.</summary>
    async ValueTask ExecuteDeferredAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<DeferredStatement> statements,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        foreach (var statement in statements)
        {
            using var command = Prepare(connection, transaction, statement.Sql, statement.Parameters);
            statement.CopyTo(command);
            if (statement.Returned is { } returned)
            {
                returned(await command.ExecuteInt64Async(cancellationToken).ConfigureAwait(false));
            }
            else
            {
                await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Whether <paramref name="exception"/> is a unique-key violation (a concurrent duplicate).</summary>
    bool IsUniqueViolation(Exception exception);
}
