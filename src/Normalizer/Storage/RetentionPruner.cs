using Dapper;
using Microsoft.Extensions.Options;

namespace Normalizer.Storage;

/// <summary>
/// Deletes what <see cref="RetentionOptions"/> no longer keeps, oldest first, <see cref="RetentionOptions.BatchSize"/> rows
/// per statement, each in its own transaction, so that the write lock is never held for long. Rows are looked for only at
/// the front of each table's key order (the oldest rows), so a pass reads little more than what it deletes. Never pruned:
/// deliveries still pending, the events they carry, and unprocessed inbox rows.
/// </summary>
public sealed class RetentionPruner(IStoreConnectionFactory connections, InboxWriteGate gate, IOptionsMonitor<RetentionOptions> options)
{
    private const string Pending = "'pending'";

    /// <summary>Prunes everything older than its retention as of <paramref name="now"/>.</summary>
    public async Task<Pruned> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var keep = options.CurrentValue;
        var deliveries = await DeleteAsync(keep.Deliveries, now, inbox: false,
            Oldest("id", "deliveries", $"status <> {Pending} AND updated_at < @cutoff"),
            $"DELETE FROM delivery_attempts WHERE delivery_id IN @ids; DELETE FROM deliveries WHERE id IN @ids AND status <> {Pending}",
            cancellationToken).ConfigureAwait(false);
        const string NothingPending = $"NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = events.id AND d.status = {Pending})";
        var events = await DeleteAsync(keep.Events, now, inbox: false,
            Oldest("seq", "events", $"received_at < @cutoff AND {NothingPending}"),
            $"DELETE FROM events WHERE seq IN @ids AND {NothingPending}", cancellationToken).ConfigureAwait(false);
        var quarantine = await DeleteAsync(keep.Quarantine, now, inbox: false,
            Oldest("id", "quarantine", "created_at < @cutoff"), "DELETE FROM quarantine WHERE id IN @ids", cancellationToken).ConfigureAwait(false);
        var inbox = await DeleteAsync(keep.Inbox, now, inbox: true,
            Oldest("id", "inbox", "processed_at IS NOT NULL AND processed_at < @cutoff"),
            "DELETE FROM inbox WHERE id IN @ids AND processed_at IS NOT NULL", cancellationToken).ConfigureAwait(false);
        return new Pruned(inbox, events, deliveries, quarantine);
    }

    // The prunable rows among the @n oldest by key: a pass reads no further than the front of the table, whatever it holds.
    // (A row kept there, a delivery waiting for a retry, say, lets the rows behind it through as the front moves on.)
    private string Oldest(string key, string table, string condition) =>
        $"SELECT {key} FROM {table} WHERE {key} IN ({connections.Dialect.Limit($"SELECT {key} FROM {table} ORDER BY {key}", "@n")}) AND {condition}";

    // Reads a batch of ids (no lock), deletes them in one short transaction at the writers' gate (rechecking what may have
    // changed meanwhile), until a batch comes back short.
    private async Task<long> DeleteAsync(TimeSpan keep, DateTimeOffset now, bool inbox, string select, string delete,
        CancellationToken cancellationToken)
    {
        if (keep == TimeSpan.Zero)
        {
            return 0;
        }

        var batch = options.CurrentValue.BatchSize;
        var cutoff = (now - keep).ToUnixTimeMilliseconds();
        long deleted = 0;
        await using var connection = inbox
            ? await connections.OpenInboxAsync(cancellationToken).ConfigureAwait(false)
            : await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var ids = (await connection.QueryAsync<long>(new CommandDefinition(select, new { cutoff, n = batch },
                cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
            if (ids.Count > 0)
            {
                using (await gate.EnterAsync(cancellationToken).ConfigureAwait(false))
                {
                    await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    await connection.ExecuteAsync(new CommandDefinition(delete, new { ids }, transaction,
                        cancellationToken: cancellationToken)).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            deleted += ids.Count;
            if (ids.Count < batch)
            {
                return deleted;
            }
        }
    }
}
