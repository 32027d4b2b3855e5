using Dapper;
using Microsoft.Extensions.Options;

namespace Normalizer.Storage;

/// <summary>
/// Deletes what <see cref="RetentionOptions"/> no longer keeps, oldest first, <see cref="RetentionOptions.BatchSize"/> rows
/// per statement (a range of the table's key), each in its own short transaction that need not wait for the disk, so that
/// the write lock is never held for long. Rows are looked for only at
/// the front of each table's key order (the oldest rows), so a pass reads little more than what it deletes. Never pruned:
/// an event some subscription's cursor has not passed yet or that waits for a retry, the attempts of a delivery waiting for
/// a retry, and inbox rows not yet processed (<see cref="IInbox.ProcessedThroughAsync"/>); processed ones are kept for their
/// retention after they arrived.
/// </summary>
public sealed class RetentionPruner(IStoreConnectionFactory connections, IInbox inbox, StoreWriteGates gates,
    IOptionsMonitor<RetentionOptions> options)
{
    // An event is kept while a cursor has not passed it (live, or within a replayed range) or a retry row holds it.
    private const string Undelivered = """
        (EXISTS (SELECT 1 FROM delivery_cursors c WHERE c.cursor_seq < events.seq AND (c.end_seq IS NULL OR events.seq <= c.end_seq))
         OR EXISTS (SELECT 1 FROM delivery_retries r WHERE r.event_seq = events.seq))
        """;

    // Attempts are kept while their delivery waits for a retry.
    private const string Retrying =
        "EXISTS (SELECT 1 FROM delivery_retries r WHERE r.subscription_id = delivery_attempts.subscription_id AND r.event_seq = delivery_attempts.event_seq)";

    /// <summary>Prunes everything older than its retention as of <paramref name="now"/>.</summary>
    public async Task<Pruned> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var keep = options.CurrentValue;
        var deliveries = await DeleteAsync(keep.Deliveries, now, inbox: false, "id", "delivery_attempts", $"at < @cutoff AND NOT {Retrying}",
            cancellationToken).ConfigureAwait(false);
        var events = await DeleteAsync(keep.Events, now, inbox: false, "seq", "events", $"received_at < @cutoff AND NOT {Undelivered}",
            cancellationToken).ConfigureAwait(false);
        var quarantine = await DeleteAsync(keep.Quarantine, now, inbox: false, "id", "quarantine", "created_at < @cutoff",
            cancellationToken).ConfigureAwait(false);
        var through = keep.Inbox == TimeSpan.Zero ? 0 : await inbox.ProcessedThroughAsync(cancellationToken).ConfigureAwait(false);
        var raw = await DeleteAsync(keep.Inbox, now, inbox: true, "id", "inbox", "received_at < @cutoff AND id <= @through",
            cancellationToken, through).ConfigureAwait(false);
        return new Pruned(raw, events, deliveries, quarantine);
    }

    // Batch after batch from the front of the table's key order: the front's last key is read without a lock, then the rows
    // up to it that are past their retention are deleted in one short transaction at the writers' gate (the condition is
    // checked there, so what changed meanwhile counts), by a range of the key: one statement whatever the batch's size,
    // the rows' pages touched in key order. Until a batch deletes less than a whole front (a row there is kept, or the
    // table's end is reached): a pass reads no further than the front of the table, whatever it holds. (A row kept there,
    // an event waiting for a retry, say, lets the rows behind it through as the front moves on.)
    private async Task<long> DeleteAsync(TimeSpan keep, DateTimeOffset now, bool inbox, string key, string table, string condition,
        CancellationToken cancellationToken, long through = 0)
    {
        if (keep == TimeSpan.Zero)
        {
            return 0;
        }

        var batch = options.CurrentValue.BatchSize;
        var cutoff = (now - keep).ToUnixTimeMilliseconds();
        var front = $"SELECT COUNT(*), MAX({key}) FROM ({connections.Dialect.Limit($"SELECT {key} FROM {table} ORDER BY {key}", "@n")}) front";
        var delete = $"DELETE FROM {table} WHERE {key} <= @last AND {condition}";
        long deleted = 0;
        await using var connection = inbox
            ? await connections.OpenInboxAsync(cancellationToken).ConfigureAwait(false)
            : await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (connections is IDeferredSyncConnections deferred)
        {
            // A delete lost on power loss leaves rows that the next pass deletes again: it need not wait for the disk.
            await deferred.DeferSyncAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        while (true)
        {
            var (count, last) = await connection.QuerySingleAsync<(long, long?)>(new CommandDefinition(front, new { n = batch },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (last is null)
            {
                return deleted;
            }

            int gone;
            using (await (inbox ? gates.Inbox : gates.Events).EnterAsync(cancellationToken).ConfigureAwait(false))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                gone = await connection.ExecuteAsync(new CommandDefinition(delete, new { last, cutoff, through }, transaction,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            deleted += gone;
            if (count < batch || gone < count)
            {
                return deleted;
            }
        }
    }
}
