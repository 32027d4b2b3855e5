using Dapper;
using Microsoft.Extensions.Options;

namespace Normalizer.Storage;

/// <summary>
/// Deletes what <see cref="RetentionOptions"/> no longer keeps, oldest first, <see cref="RetentionOptions.BatchSize"/> rows
/// per statement, each in its own transaction, so that the write lock is never held for long. Rows are looked for only at
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
        var deliveries = await DeleteAsync(keep.Deliveries, now, inbox: false,
            Oldest("id", "delivery_attempts", $"at < @cutoff AND NOT {Retrying}"),
            $"DELETE FROM delivery_attempts WHERE {In("id")} AND NOT {Retrying}", cancellationToken).ConfigureAwait(false);
        var events = await DeleteAsync(keep.Events, now, inbox: false,
            Oldest("seq", "events", $"received_at < @cutoff AND NOT {Undelivered}"),
            $"DELETE FROM events WHERE {In("seq")} AND NOT {Undelivered}", cancellationToken).ConfigureAwait(false);
        var quarantine = await DeleteAsync(keep.Quarantine, now, inbox: false,
            Oldest("id", "quarantine", "created_at < @cutoff"), $"DELETE FROM quarantine WHERE {In("id")}", cancellationToken).ConfigureAwait(false);
        var through = keep.Inbox == TimeSpan.Zero ? 0 : await inbox.ProcessedThroughAsync(cancellationToken).ConfigureAwait(false);
        var raw = await DeleteAsync(keep.Inbox, now, inbox: true,
            Oldest("id", "inbox", "received_at < @cutoff AND id <= @through"),
            $"DELETE FROM inbox WHERE {In("id")} AND id <= @through", cancellationToken, through).ConfigureAwait(false);
        return new Pruned(raw, events, deliveries, quarantine);
    }

    private string In(string key) => connections.Dialect.InList(key, "@ids");

    // The prunable rows among the @n oldest by key: a pass reads no further than the front of the table, whatever it holds.
    // (A row kept there, an event waiting for a retry, say, lets the rows behind it through as the front moves on.)
    private string Oldest(string key, string table, string condition) =>
        $"SELECT {key} FROM {table} WHERE {key} IN ({connections.Dialect.Limit($"SELECT {key} FROM {table} ORDER BY {key}", "@n")}) AND {condition}";

    // Reads a batch of ids (no lock), deletes them in one short transaction at the writers' gate (rechecking what may have
    // changed meanwhile), until a batch comes back short.
    private async Task<long> DeleteAsync(TimeSpan keep, DateTimeOffset now, bool inbox, string select, string delete,
        CancellationToken cancellationToken, long through = 0)
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
            var ids = (await connection.QueryAsync<long>(new CommandDefinition(select, new { cutoff, n = batch, through },
                cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
            if (ids.Count > 0)
            {
                using (await (inbox ? gates.Inbox : gates.Events).EnterAsync(cancellationToken).ConfigureAwait(false))
                {
                    await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    await connection.ExecuteAsync(new CommandDefinition(delete, new { ids, through }, transaction,
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
