using System.Data.Common;
using System.Text;
using Dapper;
using Normalizer.Delivery;
using Normalizer.Events;

namespace Normalizer.Storage.Dapper;

/// <summary>
/// Cursors, parked conversations and attempts. Writes go in one transaction per batch, at the writers' gate (they share
/// SQLite's write lock with the inbox processor). Lease checks are plain conditions on the live cursor row, so that the
/// same statements hold on engines where several hosts share the store.
/// </summary>
internal sealed partial class SqlDeliveryStore(IStoreConnectionFactory connections, StoreWriteGates gates, TimeProvider time) : IDeliveryStore
{
    // The partitions the owner holds, for a statement about the subscription @s.
    private const string Held = "SELECT partition FROM delivery_cursors WHERE subscription_id = @s AND stream = 0 AND lease_owner = @owner";

    public async Task CreateCursorsAsync(string subscriptionId, int partitions, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        using (await gates.Events.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var head = await HeadAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO delivery_cursors (subscription_id, stream, partition, cursor_seq) VALUES (@s, 0, @p, @head)",
                Enumerable.Range(0, partitions).Select(p => new { s = subscriptionId, p, head }), transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<DeliveryCursor>> ClaimAsync(string subscriptionId, string owner, DateTimeOffset now, DateTimeOffset until,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        using (await gates.Events.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var args = new { s = subscriptionId, owner, now = now.ToUnixTimeMilliseconds(), until = until.ToUnixTimeMilliseconds() };
            // The partitions that are free, expired or already the owner's, skipping those another host is claiming right now.
            var claimable = connections.Dialect.SelectForClaim("partition", "delivery_cursors",
                "subscription_id = @s AND stream = 0 AND (lease_owner IS NULL OR lease_owner = @owner OR lease_until < @now)");
            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE delivery_cursors SET lease_owner = @owner, lease_until = @until WHERE subscription_id = @s AND stream = 0 AND partition IN ({claimable})",
                args, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var rows = await connection.QueryAsync<CursorRow>(new CommandDefinition(
                "SELECT stream AS Stream, partition AS Partition, cursor_seq AS CursorSeq, end_seq AS EndSeq FROM delivery_cursors " +
                $"WHERE subscription_id = @s AND partition IN ({Held}) ORDER BY stream, partition", args, transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return rows.Select(r => new DeliveryCursor((int)r.Stream, (int)r.Partition, r.CursorSeq, r.EndSeq)).ToList();
        }
    }

    public async Task ReleaseAsync(string subscriptionId, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        using (await gates.Events.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE delivery_cursors SET lease_owner = NULL, lease_until = NULL WHERE subscription_id = @s AND stream = 0 AND lease_owner = @owner",
                new { s = subscriptionId, owner }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    public async Task<int> PartitionCountAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM delivery_cursors WHERE subscription_id = @s AND stream = 0", new { s = subscriptionId },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<LogEvent>> ReadAsync(Subscription subscription, long after, long? to, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var sql = new StringBuilder("SELECT e.seq AS Seq, e.id AS Id, e.conversation_id AS ConversationId, e.body AS Body, ")
            .Append(EventIdentity.Columns).Append(" FROM events e").Append(EventIdentity.Join).Append(" WHERE e.seq > @after");
        if (to is not null)
        {
            sql.Append(" AND e.seq <= @to");
        }

        sql.Append(Filter(connections.Dialect, subscription, "e.")).Append(" ORDER BY e.seq");
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            connections.Dialect.Limit(sql.ToString(), "@limit"), FilterArgs(subscription, new { after, to, limit }),
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new LogEvent(r.Seq, r.Id, r.ConversationId, EventIdentity.AddTo(r.Body, r.ContactId, r.PersonId))).ToList();
    }

    public async Task<IReadOnlyList<ParkedEvent>> ReadParkedAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ParkedRow>(new CommandDefinition($$"""
            SELECT r.stream AS Stream, e.seq AS Seq, e.id AS Id, e.conversation_id AS ConversationId, e.body AS Body,
                   r.attempts AS Attempts, r.next_at AS NextAt, {{EventIdentity.Columns}}
            FROM delivery_retries r JOIN events e ON e.seq = r.event_seq{{EventIdentity.Join}}
            WHERE r.subscription_id = @s ORDER BY r.event_seq, r.stream
            """, new { s = subscriptionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new ParkedEvent((int)r.Stream,
            new LogEvent(r.Seq, r.Id, r.ConversationId, EventIdentity.AddTo(r.Body, r.ContactId, r.PersonId)), (int)r.Attempts,
            DateTimeOffset.FromUnixTimeMilliseconds(r.NextAt))).ToList();
    }

    public async Task CommitAsync(DeliveryBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.IsEmpty)
        {
            return;
        }

        var s = batch.SubscriptionId;
        var owner = batch.Owner;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        using (await gates.Events.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (batch.Attempts.Count > 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(AttemptInsert, batch.Attempts.Select(a => new
                {
                    s, Seq = a.Event.Seq, EventId = a.Event.Id, a.Event.ConversationId, a.Attempt.Attempt, At = a.Attempt.At.ToUnixTimeMilliseconds(),
                    a.Attempt.StatusCode, a.Attempt.Error, a.Attempt.DurationMs,
                }), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            var released = batch.Released.Concat(batch.Retries.Select(r => (r.Row.Stream, r.Row.Event.Seq)));
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM delivery_retries WHERE subscription_id = @s AND stream = @Stream AND event_seq = @Seq",
                released.Select(r => new { s, r.Stream, r.Seq }), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(RetryInsert, batch.Retries.Select(r => new
            {
                s, owner, r.Partition, r.Row.Stream, r.Row.Event.Seq, Key = r.Row.Event.ConversationKey, r.Row.Attempts,
                NextAt = r.Row.NextAt.ToUnixTimeMilliseconds(), now,
            }), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var (stream, partitions, seq) in batch.Cursors)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    $"UPDATE delivery_cursors SET cursor_seq = @seq WHERE subscription_id = @s AND stream = @stream AND {connections.Dialect.InList("partition", "@partitions")} " +
                    $"AND cursor_seq < @seq AND partition IN ({Held})",
                    new { s, owner, stream, partitions, seq }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            if (batch.Cursors.Any(c => c.Stream > 0))
            {
                // A replayed range every partition has gone through is finished.
                await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM delivery_cursors WHERE subscription_id = @s AND stream > 0 AND NOT EXISTS (SELECT 1 FROM delivery_cursors o " +
                    "WHERE o.subscription_id = delivery_cursors.subscription_id AND o.stream = delivery_cursors.stream AND o.cursor_seq < o.end_seq)",
                    new { s }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<int> ReplayAsync(Subscription subscription, long from, long to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        using (await gates.Events.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var head = await HeadAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            var end = Math.Min(to, head);
            var count = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                $"SELECT COUNT(*) FROM events WHERE seq >= @from AND seq <= @end{Filter(connections.Dialect, subscription)}",
                FilterArgs(subscription, new { from, end }), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var partitions = await connection.QueryAsync<long>(new CommandDefinition(
                "SELECT partition FROM delivery_cursors WHERE subscription_id = @s AND stream = 0", new { s = subscription.Id }, transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (count > 0)
            {
                var stream = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COALESCE(MAX(stream), 0) + 1 FROM delivery_cursors WHERE subscription_id = @s", new { s = subscription.Id }, transaction,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO delivery_cursors (subscription_id, stream, partition, cursor_seq, end_seq) VALUES (@s, @stream, @p, @cursor, @end)",
                    partitions.Select(p => new { s = subscription.Id, stream, p, cursor = Math.Max(from, 1) - 1, end }), transaction,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
    }

    // The log's last position (0 when empty).
    private static async Task<long> HeadAsync(DbConnection connection, DbTransaction transaction,
        CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT MAX(seq) FROM events", transaction: transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false) ?? 0;

    // The subscription's filter on the columns of events, named with the table's alias (prefix) where a query has one.
    private static string Filter(ISqlDialect dialect, Subscription subscription, string prefix = "") =>
        (subscription.Platforms is null ? "" : " AND " + dialect.InList(prefix + "platform", "@Platforms")) +
        (subscription.PageIds is null ? "" : " AND " + dialect.InList(prefix + "page_id", "@PageIds")) +
        (subscription.Events is null ? "" : " AND " + dialect.InList(prefix + "event", "@Events"));

    private static DynamicParameters FilterArgs(Subscription subscription, object values)
    {
        var args = new DynamicParameters(values);
        args.Add("Platforms", subscription.Platforms?.Select(p => p.ToWire()).ToArray());
        args.Add("PageIds", subscription.PageIds?.ToArray());
        args.Add("Events", subscription.Events?.ToArray());
        return args;
    }

    private const string AttemptInsert = """
        INSERT INTO delivery_attempts (subscription_id, event_seq, event_id, conversation_id, attempt, at, status_code, error, duration_ms)
        VALUES (@s, @Seq, @EventId, @ConversationId, @Attempt, @At, @StatusCode, @Error, @DurationMs)
        """;

    // Only while the owner holds the partition: a host that lost its lease (or a deleted subscription) parks nothing.
    private const string RetryInsert = $"""
        INSERT INTO delivery_retries (subscription_id, stream, event_seq, conversation_key, attempts, next_at, created_at)
        SELECT @s, @Stream, @Seq, @Key, @Attempts, @NextAt, @now WHERE @Partition IN ({Held})
        """;

    private sealed record CursorRow(long Stream, long Partition, long CursorSeq, long? EndSeq);

    private sealed record EventRow(long Seq, string Id, string? ConversationId, string Body, string? ContactId, string? PersonId);

    private sealed record ParkedRow(long Stream, long Seq, string Id, string? ConversationId, string Body, long Attempts, long NextAt,
        string? ContactId, string? PersonId);
}
