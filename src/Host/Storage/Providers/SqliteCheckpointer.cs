using Microsoft.Data.Sqlite;
using Normalizer.Health;
using Normalizer.Storage;

namespace Normalizer.Host.Storage.Providers;

/// <summary>
/// Copies the inbox file's write-ahead log back into the file every <see cref="Interval"/>, on a connection of its own.
/// The inbox's writers never checkpoint (<see cref="SqliteConnectionFactory"/>): a checkpoint run by a commit would run
/// while that writer holds the inbox's write gate, and every webhook queued behind it would wait for the copy and its
/// flush (10–30 ms under load). The copy is a <c>PASSIVE</c> checkpoint, which waits for no writer. But the log starts
/// again from its beginning only when a writer begins after a checkpoint that left no frame behind, which under steady
/// writes seldom happens by itself; so once the log holds <see cref="RestartAfterFrames"/> frames, a <c>RESTART</c>
/// checkpoint runs at the inbox's write gate: the passive one has copied nearly everything, this one copies the few frames
/// written since and makes the next writer start the log again, and the log does not grow without end. It never waits
/// for a reader (its connection has no busy timeout): with a long read open (a backup's <c>VACUUM INTO</c>) it copies what
/// it can and the log starts again at a later turn, rather than holding the gate, and every webhook, until the read ends.
/// Shown in
/// <c>/readyz</c> as loop <c>inbox_checkpoint</c>; a failed checkpoint is logged and tried again at the next interval
/// (the log only grows meanwhile). Nothing to do on a server store or an in-memory database.
/// </summary>
internal sealed partial class SqliteCheckpointer(IStoreConnectionFactory store, StoreWriteGates gates, BackgroundLoops loops,
    ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>The loop's name in <c>/readyz</c>.</summary>
    public const string Loop = "inbox_checkpoint";

    /// <summary>
    /// How often: at 10,000 webhooks/s the inbox's log grows by a few thousand pages a second, most of them the same tail
    /// pages written again by each group commit, which one checkpoint copies once.
    /// </summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>The log's frames (pages) from which it is started again: SQLite's own checkpoint threshold (4 MB).</summary>
    public const long RestartAfterFrames = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store is not SqliteConnectionFactory { SeparateInbox: true } sqlite)
        {
            return;
        }

        var state = loops[Loop];
        SqliteConnection? connection = null;
        // The machine's clock, not the product's TimeProvider: the pace of a file's log is physical.
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                try
                {
                    state.Busy();
                    connection ??= await OpenAsync(sqlite, stoppingToken).ConfigureAwait(false);
                    if (await CheckpointAsync(connection, "PASSIVE", stoppingToken).ConfigureAwait(false) >= RestartAfterFrames)
                    {
                        using (await gates.Inbox.EnterAsync(stoppingToken).ConfigureAwait(false))
                        {
                            await CheckpointAsync(connection, "RESTART", stoppingToken).ConfigureAwait(false);
                        }
                    }

                    state.Succeeded();
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    state.Failed(ex);
                    LogFailed(logger, ex);
                    await DropAsync(connection).ConfigureAwait(false);
                    connection = null;
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            await DropAsync(connection).ConfigureAwait(false);
        }
    }

    private static ValueTask DropAsync(SqliteConnection? connection) => connection?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static async Task<SqliteConnection> OpenAsync(SqliteConnectionFactory sqlite, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)await sqlite.OpenInboxAsync(cancellationToken).ConfigureAwait(false);
        sqlite.Alter(connection, "PRAGMA busy_timeout=0;", $"PRAGMA busy_timeout={SqliteConnectionFactory.BusyTimeoutMs};");
        return connection;
    }

    // Returns the frames in the log (the answer's row is busy, frames in the log, frames checkpointed).
    private static async Task<long> CheckpointAsync(SqliteConnection connection, string mode, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? reader.GetInt64(1) : 0;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Checkpoint of the inbox file failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
