using System.Globalization;
using System.Text;
using Dapper;
using Normalizer.Delivery;

namespace Normalizer.Storage.Dapper;

/// <summary>
/// The listing, derived from the attempts and the retry rows: the attempts of one (subscription, event) form a delivery,
/// a new one beginning at attempt 1 (a replay, or a resend after a crash). A delivery is delivered when its last attempt
/// got a 2xx, pending while a retry row holds it, dead otherwise (attempts spent, or its subscription deleted). Events
/// waiting behind a parked conversation are pending deliveries without attempts; events the cursor has not reached are not listed.
/// </summary>
internal sealed partial class SqlDeliveryStore
{
    public async Task<IReadOnlyList<DeliveryRecord>> ListAsync(string? eventId, string? subscriptionId, int limit, CancellationToken cancellationToken)
    {
        var where = new StringBuilder(" WHERE 1 = 1");
        if (eventId is not null)
        {
            where.Append(" AND event_seq IN (SELECT seq FROM events WHERE id = @eventId)");
        }

        if (subscriptionId is not null)
        {
            where.Append(" AND subscription_id = @subscriptionId");
        }

        // The first deliveries in log order: the (subscription, event) pairs first, then their attempts and retry rows.
        var args = new { eventId, subscriptionId, limit };
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);

        // One snapshot for the three reads: a retry committed in between (its attempt in, its retry row gone) would
        // otherwise show the attempts before it with no retry row, as dead.
        await using var transaction = await connections.BeginReadAsync(connection, cancellationToken).ConfigureAwait(false);
        var keys = (await connection.QueryAsync<KeyRow>(new CommandDefinition(connections.Dialect.Limit(
            $"SELECT event_seq AS Seq, subscription_id AS SubscriptionId FROM (SELECT event_seq, subscription_id FROM delivery_attempts{where} " +
            $"UNION SELECT event_seq, subscription_id FROM delivery_retries{where}) k ORDER BY event_seq, subscription_id", "@limit"),
            args, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        if (keys.Count == 0)
        {
            return [];
        }

        var seqs = keys.Select(k => k.Seq).Distinct().ToArray();
        var attempts = (await connection.QueryAsync<AttemptRow>(new CommandDefinition(
            "SELECT id AS Id, subscription_id AS SubscriptionId, event_seq AS Seq, event_id AS EventId, conversation_id AS ConversationId, " +
            "attempt AS Attempt, at AS At, status_code AS StatusCode, error AS Error, duration_ms AS DurationMs FROM delivery_attempts " +
            $"{where} AND {connections.Dialect.InList("event_seq", "@seqs")} ORDER BY id", new { eventId, subscriptionId, seqs }, transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false)).ToLookup(a => (a.Seq, a.SubscriptionId));
        var retries = (await connection.QueryAsync<RetryRow>(new CommandDefinition(
            "SELECT r.subscription_id AS SubscriptionId, r.event_seq AS Seq, e.id AS EventId, e.conversation_id AS ConversationId, " +
            "r.attempts AS Attempts, r.next_at AS NextAt, r.created_at AS CreatedAt FROM delivery_retries r JOIN events e ON e.seq = r.event_seq" +
            $"{where} " +
            $"AND {connections.Dialect.InList("r.event_seq", "@seqs")} ORDER BY r.event_seq, r.stream", new { eventId, subscriptionId, seqs }, transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false)).ToLookup(r => (r.Seq, r.SubscriptionId));

        var records = new List<DeliveryRecord>();
        foreach (var key in keys)
        {
            var runs = Runs(attempts[(key.Seq, key.SubscriptionId)]);
            var parked = retries[(key.Seq, key.SubscriptionId)].ToList();
            for (var i = 0; i < runs.Count; i++)
            {
                var run = runs[i];
                var last = run[^1];
                var retry = i == runs.Count - 1 ? parked.FirstOrDefault(p => p.Attempts == last.Attempt) : null;
                if (retry is not null)
                {
                    parked.Remove(retry);
                }

                List<DeliveryAttempt> made = [.. run.Select(a => new DeliveryAttempt
                {
                    Attempt = (int)a.Attempt, At = DateTimeOffset.FromUnixTimeMilliseconds(a.At), StatusCode = (int?)a.StatusCode,
                    Error = a.Error, DurationMs = a.DurationMs,
                })];
                records.Add(new DeliveryRecord
                {
                    Id = Id(key, i + 1), SubscriptionId = key.SubscriptionId, EventId = last.EventId, ConversationId = last.ConversationId,
                    Status = made[^1].Delivered ? DeliveryStatus.Delivered : retry is not null ? DeliveryStatus.Pending : DeliveryStatus.Dead,
                    CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(run[0].At),
                    NextAttemptAt = retry is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(retry.NextAt),
                    Attempts = made,
                });
            }

            // Waiting behind its conversation (no attempt yet), or retried after attempts not yet listed.
            foreach (var waiting in parked)
            {
                records.Add(new DeliveryRecord
                {
                    Id = Id(key, runs.Count + 1), SubscriptionId = key.SubscriptionId, EventId = waiting.EventId,
                    ConversationId = waiting.ConversationId, Status = DeliveryStatus.Pending,
                    CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(waiting.CreatedAt),
                    NextAttemptAt = waiting.Attempts > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(waiting.NextAt) : null, Attempts = [],
                });
            }
        }

        return records.Take(limit).ToList();
    }

    // The attempts of one (subscription, event) in id order, split where the numbering starts again.
    private static List<List<AttemptRow>> Runs(IEnumerable<AttemptRow> attempts)
    {
        var runs = new List<List<AttemptRow>>();
        foreach (var attempt in attempts)
        {
            if (runs.Count == 0 || attempt.Attempt <= runs[^1][^1].Attempt)
            {
                runs.Add([]);
            }

            runs[^1].Add(attempt);
        }

        return runs;
    }

    private static string Id(KeyRow key, int run) => string.Create(CultureInfo.InvariantCulture, $"{key.SubscriptionId}.{key.Seq}.{run}");

    private sealed record KeyRow(long Seq, string SubscriptionId);

    private sealed record AttemptRow(long Id, string SubscriptionId, long Seq, string EventId, string? ConversationId, long Attempt, long At,
        long? StatusCode, string? Error, long DurationMs);

    private sealed record RetryRow(string SubscriptionId, long Seq, string EventId, string? ConversationId, long Attempts, long NextAt, long CreatedAt);
}
