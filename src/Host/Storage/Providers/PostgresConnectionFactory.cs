using System.Data.Common;
using Normalizer.Storage;
using Normalizer.Storage.Dialects;
using Npgsql;

namespace Normalizer.Host.Storage.Providers;

/// <summary>
/// PostgreSQL through one <see cref="NpgsqlDataSource"/> (its pool), shared by every host of the deployment: the inbox lives
/// in the same database (one durable commit per group of webhooks, from any host), events are appended under the log lock,
/// and delivery partitions are leased in their rows. Statements run again on a pooled connection are prepared by Npgsql
/// (<c>Max Auto Prepare</c>) unless the connection string says otherwise.
/// </summary>
internal sealed class PostgresConnectionFactory : IStoreConnectionFactory, IAsyncDisposable
{
    // Arbitrary keys of the database's advisory locks ("Nrm" + 1): the log lock (LockLogAsync).
    private const long LogLockKey = 0x4E726D01;

    private readonly NpgsqlDataSource _source;

    public PostgresConnectionFactory(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
        }

        _source = NpgsqlDataSource.Create(builder);
    }

    public ISqlDialect Dialect => OnConflictDialect.Postgres;

    public bool Shared => true;

    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public async ValueTask LockLogAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("key", LogLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public IPreparedCommand Prepare(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<string> parameters) =>
        new PostgresPreparedCommand((NpgsqlConnection)connection, (NpgsqlTransaction?)transaction, sql, parameters);

    public ValueTask<long[]> InsertEachAsync(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<string> parameters,
        int rows, Action<IRowValues, int> bind, CancellationToken cancellationToken) =>
        PostgresBatch.RunAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, sql, parameters, rows, bind, cancellationToken);

    public bool DefersStatements => true;

    public ValueTask ExecuteDeferredAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<DeferredStatement> statements,
        CancellationToken cancellationToken) =>
        PostgresBatch.ExecuteAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, statements, cancellationToken);

    public bool IsUniqueViolation(Exception exception) => exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
