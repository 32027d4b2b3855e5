using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Normalizer.Storage;
using Normalizer.Storage.Dialects;
using SQLitePCL;

namespace Normalizer.Host.Storage.Providers;

/// <summary>
/// SQLite: WAL so readers never block the writer, <c>synchronous=FULL</c> so a committed inbox row survives
/// power loss, and a busy timeout. A file-based database keeps the inbox in a file of its own beside it
/// (<c>normalizer-inbox.db</c> for <c>normalizer.db</c>): SQLite has one write lock per file, so appending a webhook
/// never waits for the processor writing events. An in-memory database keeps everything in one. Each connection keeps
/// a page cache of up to 64 MiB (SQLite's default is 2 MiB): the processor's inserts touch random pages of the
/// id indexes, and with the default cache a batch re-reads most of them from the OS.
/// The inbox processor and the pruner commit with <c>synchronous=NORMAL</c> (<see cref="DeferSyncAsync"/>): in WAL mode
/// that skips the fsync of the WAL at commit; a power loss may then drop the last such commits whole (the WAL's frame
/// checksums end recovery at the last complete commit), never a commit flushed before them. A dropped processor batch
/// takes its marks (the inbox's progress, kept in the events' file) with it, so its rows are processed again into the
/// same events (ids are deterministic); a dropped prune is done again by the next pass.
/// </summary>
internal sealed class SqliteConnectionFactory : IStoreConnectionFactory, IDeferredSyncConnections
{
    private readonly string _connectionString;
    private readonly string _inboxConnectionString;

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
            InboxDataSource = Path.Combine(Path.GetDirectoryName(DataSource)!,
                Path.GetFileNameWithoutExtension(DataSource) + "-inbox" + Path.GetExtension(DataSource));
        }

        _connectionString = builder.ToString();
        builder.DataSource = InboxDataSource;
        _inboxConnectionString = SeparateInbox ? builder.ToString() : _connectionString;
        foreach (var each in new[] { _connectionString, _inboxConnectionString }.Distinct())
        {
            using var connection = new SqliteConnection(each);
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL;");
        }
    }

    /// <summary>The database file.</summary>
    public string DataSource { get; } = ":memory:";

    /// <summary>The inbox's database file (the same as <see cref="DataSource"/> when in memory).</summary>
    public string InboxDataSource { get; } = ":memory:";

    public bool SeparateInbox => InboxDataSource != DataSource;

    public ISqlDialect Dialect { get; } = OnConflictDialect.Sqlite;

    // The events database is written by the inbox processor, in batches that rewrite the same index pages again and
    // again: a WAL of up to 10,000 pages (40 MB) is copied back to the file five times less often than SQLite's
    // default 1,000, once per page per checkpoint. The inbox's writers never checkpoint: SqliteCheckpointer does, on a
    // connection of its own, so that no webhook waits for a checkpoint run by the commit ahead of it.
    private const string EventsPragmas = "PRAGMA wal_autocheckpoint=10000;";
    private const string InboxPragmas = "PRAGMA wal_autocheckpoint=0;";

    public ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        OpenAsync(_connectionString, SeparateInbox ? EventsPragmas : "", cancellationToken);

    public ValueTask<DbConnection> OpenInboxAsync(CancellationToken cancellationToken) =>
        OpenAsync(_inboxConnectionString, SeparateInbox ? InboxPragmas : "", cancellationToken);

    /// <summary>How long a statement waits for another connection's lock (ms).</summary>
    public const int BusyTimeoutMs = 30000;

    private static readonly string Settings =
        $"PRAGMA synchronous=FULL; PRAGMA busy_timeout={BusyTimeoutMs}; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;";

    // The native connections whose settings are set. A pooled SqliteConnection opens the same handle again, which keeps
    // its settings: they are set on its first open only (the inbox processor opens three connections per batch, and at a
    // low rate a batch is one row), and what a user changed for its own work (Alter) is set back on the next open.
    private static readonly ConditionalWeakTable<sqlite3, Altered> Handles = new();

    private static async ValueTask<DbConnection> OpenAsync(string connectionString, string pragmas, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!Handles.TryGetValue(connection.Handle!, out var altered))
        {
            Execute(connection, Settings + pragmas);
            Handles.Add(connection.Handle!, new Altered());
        }
        else if (altered.Restore is { } restore)
        {
            Execute(connection, restore);
            altered.Restore = null;
        }

        return connection;
    }

    /// <summary>
    /// Runs <paramref name="pragma"/> on <paramref name="connection"/> (opened by this factory) for the caller's own work;
    /// <paramref name="restore"/> sets it back when the pooled connection is opened again.
    /// </summary>
    public void Alter(DbConnection connection, string pragma, string restore)
    {
        var altered = Handles.GetValue(((SqliteConnection)connection).Handle!, _ => new Altered());
        if (altered.Restore?.Contains(restore, StringComparison.Ordinal) != true)
        {
            Execute((SqliteConnection)connection, pragma);
            altered.Restore += restore;
        }
    }

    // Back to FULL when the pooled connection is opened again (OpenAsync).
    public ValueTask DeferSyncAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        Alter(connection, "PRAGMA synchronous=NORMAL;", "PRAGMA synchronous=FULL;");
        return ValueTask.CompletedTask;
    }

    // BEGIN DEFERRED: the snapshot starts at the first read and holds for the rest; no write lock is taken (WAL).
    public ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

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

    // What to run on the handle's next open to undo Alter.
    private sealed class Altered
    {
        public string? Restore;
    }
}
