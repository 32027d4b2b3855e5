using Dapper;
using Microsoft.Data.Sqlite;
using Normalizer.Storage;

namespace Normalizer.Host.Storage.Providers;

/// <summary>
/// Moves the rows of an inbox file written by an earlier version (<see cref="SqliteConnectionFactory.LegacyInboxDataSource"/>)
/// into the database, with their ids (events and quarantine records point at them), once, after the migrations; the
/// file is then renamed <c>…-inbox.db.imported</c>. Pending rows are processed as usual afterwards.
/// </summary>
internal static partial class SqliteLegacyInbox
{
    public static async Task ImportAsync(IStoreConnectionFactory store, ILogger logger, CancellationToken cancellationToken)
    {
        if (store is not SqliteConnectionFactory { LegacyInboxDataSource: { } legacy } || !File.Exists(legacy))
        {
            return;
        }

        await using (var connection = (SqliteConnection)await store.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition("ATTACH DATABASE @legacy AS legacy", new { legacy }, cancellationToken: cancellationToken));
            var columns = (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT name FROM pragma_table_info('inbox', 'legacy')", cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
            var moved = 0;
            if (columns.Contains("body"))
            {
                var attempts = columns.Contains("attempts") ? "attempts" : "0";
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                moved = await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT OR IGNORE INTO main.inbox (id, received_at, channel, signature_verified, headers, body, processed_at, attempts) " +
                    $"SELECT id, received_at, channel, signature_verified, headers, body, processed_at, {attempts} FROM legacy.inbox ORDER BY id",
                    transaction: transaction, cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
            }

            // Everything of the legacy file into it, so that renaming the file alone keeps it whole.
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA legacy.wal_checkpoint(TRUNCATE)", cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition("DETACH DATABASE legacy", cancellationToken: cancellationToken));
            LogImported(logger, moved, legacy);
        }

        SqliteConnection.ClearAllPools();
        File.Move(legacy, legacy + ".imported", overwrite: true);
        foreach (var leftover in new[] { legacy + "-wal", legacy + "-shm" })
        {
            File.Delete(leftover);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved {Count} rows of the inbox file {Path} into the database; the file is renamed .imported")]
    private static partial void LogImported(ILogger logger, int count, string path);
}
