using System.Data.Common;
using Microsoft.Data.Sqlite;
using Normalizer.Storage;
using Normalizer.Storage.Dialects;

namespace Normalizer.Host.Storage.Providers;

/// <summary>
/// SQLite: WAL so readers never block the writer, <c>synchronous=FULL</c> so a committed webhook survives power loss,
/// and a busy timeout. Webhooks and their events are written in one transaction (the inbox writer's group commit), so the
/// inbox lives in the same file as the events. Each connection keeps a page cache of up to 64 MiB (SQLite's default is
/// 2 MiB): inserts touch random pages of the id indexes, and with the default cache a batch re-reads most of them from
/// the OS. The inbox processor, which only handles rows the writer left pending, commits with <c>synchronous=NORMAL</c>
/// (<see cref="DeferSyncAsync"/>): in WAL mode that skips the fsync of the WAL at commit; a power loss may then drop the
/// last such commits whole (the WAL's frame checksums end recovery at the last complete commit), never a commit flushed
/// before them — the next <c>FULL</c> commit (the writer's) or checkpoint flushes every earlier frame. A dropped
/// processor batch takes its "processed" marks with it, so its rows are processed again into the same events (ids are
/// deterministic).
/// </summary>
internal sealed class SqliteConnectionFactory : IStoreConnectionFactory, IDeferredSyncConnections
{
    private readonly string _connectionString;

    public SqliteConnectionFactory(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 30 };
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            DataSource = Path.GetFullPath(builder.DataSource);
            builder.DataSource = DataSource;
        }

        _connectionString = builder.ToString();
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
    }

    /// <summary>The database file.</summary>
    public string DataSource { get; } = ":memory:";

    /// <summary>
    /// Where earlier versions kept the inbox, in a file of its own beside the database (<c>normalizer-inbox.db</c> for
    /// <c>normalizer.db</c>); null in memory. <see cref="SqliteLegacyInbox"/> moves its rows into the database.
    /// </summary>
    public string? LegacyInboxDataSource => DataSource == ":memory:"
        ? null
        : Path.Combine(Path.GetDirectoryName(DataSource)!, Path.GetFileNameWithoutExtension(DataSource) + "-inbox" + Path.GetExtension(DataSource));

    public ISqlDialect Dialect { get; } = new SqliteDialect();

    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        Execute(connection, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;");
        return connection;
    }

    public async ValueTask DeferSyncAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // Back to FULL when the pooled connection is opened again (OpenAsync).
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public IPreparedCommand Prepare(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<string> parameters) =>
        new SqlitePreparedCommand((SqliteConnection)connection, sql, parameters);

    // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555).
    public bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
