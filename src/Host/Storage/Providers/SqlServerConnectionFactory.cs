using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Normalizer.Storage;
using Normalizer.Storage.Dialects;

namespace Normalizer.Host.Storage.Providers;

/// <summary>
/// SQL Server through SqlClient's connection pool, shared by every host of the deployment like PostgreSQL: the inbox lives
/// in the same database, events are appended under the log lock (an application lock owned by the transaction), and
/// delivery partitions are leased in their rows. Reads that must see one state (<see cref="BeginReadAsync"/>) use snapshot
/// isolation where the database allows it (<c>ALLOW_SNAPSHOT_ISOLATION ON</c>), repeatable read otherwise.
/// </summary>
internal sealed class SqlServerConnectionFactory(string connectionString) : IStoreConnectionFactory
{
    // Waits as long as it takes (the lock is held only while a batch of events commits); a refusal (deadlock victim,
    // cancelled) fails the transaction instead of appending without the lock.
    internal const string LockLogSql = """
        DECLARE @granted INT;
        EXEC @granted = sp_getapplock @Resource = N'normalizer_log', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = -1;
        IF @granted < 0 THROW 51000, N'The log lock was not granted.', 1;
        """;

    internal const string SnapshotAllowedSql = "SELECT snapshot_isolation_state FROM sys.databases WHERE database_id = DB_ID()";

    private readonly SemaphoreSlim _snapshotCheck = new(1, 1);
    private IsolationLevel? _readIsolation;

    public ISqlDialect Dialect => SqlServerDialect.Instance;

    public bool Shared => true;

    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask LockLogAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new SqlCommand(LockLogSql, (SqlConnection)connection, (SqlTransaction)transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var isolation = _readIsolation ?? await ReadIsolationAsync((SqlConnection)connection, cancellationToken).ConfigureAwait(false);
        return await connection.BeginTransactionAsync(isolation, cancellationToken).ConfigureAwait(false);
    }

    public IPreparedCommand Prepare(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<string> parameters) =>
        new SqlServerPreparedCommand((SqlConnection)connection, (SqlTransaction?)transaction, sql, parameters);

    // 2601: duplicate key in a unique index; 2627: violation of a PRIMARY KEY or UNIQUE constraint.
    public bool IsUniqueViolation(Exception exception) => exception is SqlException { Number: 2601 or 2627 };

    // Asked once: whether the database allows snapshot transactions (snapshot_isolation_state 1 = ON).
    private async ValueTask<IsolationLevel> ReadIsolationAsync(SqlConnection connection, CancellationToken cancellationToken)
    {
        await _snapshotCheck.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_readIsolation is null)
            {
                await using var command = new SqlCommand(SnapshotAllowedSql, connection);
                var state = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                _readIsolation = state is byte and 1 ? IsolationLevel.Snapshot : IsolationLevel.RepeatableRead;
            }

            return _readIsolation.Value;
        }
        finally
        {
            _snapshotCheck.Release();
        }
    }
}
