using System.Text;
using Dapper;
using Normalizer.Delivery;
using Normalizer.Events;

namespace Normalizer.Storage.Dapper;

/// <summary>
/// The delivery queue. Order per conversation comes from the due query: a pending delivery is only picked
/// when no older pending delivery of the same (subscription, conversation) exists.
/// </summary>
internal sealed class SqlDeliveryStore(IStoreConnectionFactory connections, TimeProvider time) : IDeliveryStore
{
    public async Task<IReadOnlyList<DueDelivery>> ReadDueAsync(
        DateTimeOffset now, int limit, IReadOnlyCollection<long> busy, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<DueRow>(new CommandDefinition(
            connections.Dialect.Limit(DueSelect, "@limit"),
            new { now = now.ToUnixTimeMilliseconds(), limit, busy = busy.ToArray(), DeliveryStatus.Pending },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new DueDelivery(r.Id, r.SubscriptionId, r.EventId, (int)r.Attempts, r.Body)).ToList();
    }

    public async Task RecordAttemptAsync(long deliveryId, DeliveryAttempt attempt, bool delivered, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO delivery_attempts (delivery_id, attempt, at, status_code, error, duration_ms) " +
            "VALUES (@deliveryId, @Attempt, @At, @StatusCode, @Error, @DurationMs)",
            new { deliveryId, attempt.Attempt, At = attempt.At.ToUnixTimeMilliseconds(), attempt.StatusCode, attempt.Error, attempt.DurationMs },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE deliveries SET attempts = @Attempt, status = @status, updated_at = @now WHERE id = @deliveryId AND status = @Pending",
            new
            {
                deliveryId, attempt.Attempt, status = delivered ? DeliveryStatus.Delivered : DeliveryStatus.Pending,
                now = time.GetUtcNow().ToUnixTimeMilliseconds(), DeliveryStatus.Pending,
            }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ScheduleAsync(long deliveryId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE deliveries SET next_attempt_at = @at, updated_at = @now WHERE id = @deliveryId AND status = @Pending",
            new { deliveryId, at = at.ToUnixTimeMilliseconds(), now = time.GetUtcNow().ToUnixTimeMilliseconds(), DeliveryStatus.Pending },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task MarkDeadAsync(long deliveryId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE deliveries SET status = @Dead, updated_at = @now WHERE id = @deliveryId AND status = @Pending",
            new { deliveryId, now = time.GetUtcNow().ToUnixTimeMilliseconds(), DeliveryStatus.Dead, DeliveryStatus.Pending },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<int> EnqueueRangeAsync(Subscription subscription, long from, long to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var sql = new StringBuilder("""
            INSERT INTO deliveries (subscription_id, event_seq, event_id, conversation_id, status, attempts, next_attempt_at, created_at, updated_at)
            SELECT @SubscriptionId, seq, id, conversation_id, @Pending, 0, @now, @now, @now FROM events
            WHERE seq >= @from AND seq <= @to
            """);
        if (subscription.Platforms is not null)
        {
            sql.Append(" AND platform IN @Platforms");
        }

        if (subscription.PageIds is not null)
        {
            sql.Append(" AND page_id IN @PageIds");
        }

        if (subscription.Events is not null)
        {
            sql.Append(" AND event IN @Events");
        }

        sql.Append(" ORDER BY seq");
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(sql.ToString(), new
        {
            SubscriptionId = subscription.Id, DeliveryStatus.Pending, now = time.GetUtcNow().ToUnixTimeMilliseconds(), from, to,
            Platforms = subscription.Platforms?.Select(p => p.ToWire()).ToArray(),
            PageIds = subscription.PageIds?.ToArray(), Events = subscription.Events?.ToArray(),
        }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DeliveryRecord>> ListAsync(string? eventId, string? subscriptionId, int limit, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder(
            "SELECT id AS Id, subscription_id AS SubscriptionId, event_id AS EventId, conversation_id AS ConversationId, " +
            "status AS Status, next_attempt_at AS NextAttemptAt, created_at AS CreatedAt FROM deliveries WHERE 1 = 1");
        if (eventId is not null)
        {
            sql.Append(" AND event_id = @eventId");
        }

        if (subscriptionId is not null)
        {
            sql.Append(" AND subscription_id = @subscriptionId");
        }

        sql.Append(" ORDER BY id");
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<RecordRow>(new CommandDefinition(
            connections.Dialect.Limit(sql.ToString(), "@limit"), new { eventId, subscriptionId, limit },
            cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var attempts = (await connection.QueryAsync<AttemptRow>(new CommandDefinition(
            "SELECT delivery_id AS DeliveryId, attempt AS Attempt, at AS At, status_code AS StatusCode, error AS Error, duration_ms AS DurationMs " +
            "FROM delivery_attempts WHERE delivery_id IN @ids ORDER BY delivery_id, attempt, id",
            new { ids = rows.Select(r => r.Id).ToArray() }, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToLookup(a => a.DeliveryId);
        return rows.Select(r => new DeliveryRecord
        {
            Id = r.Id, SubscriptionId = r.SubscriptionId, EventId = r.EventId, ConversationId = r.ConversationId, Status = r.Status,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt),
            NextAttemptAt = r.Status == DeliveryStatus.Pending ? DateTimeOffset.FromUnixTimeMilliseconds(r.NextAttemptAt) : null,
            Attempts = attempts[r.Id].Select(a => new DeliveryAttempt
            {
                Attempt = (int)a.Attempt, At = DateTimeOffset.FromUnixTimeMilliseconds(a.At), StatusCode = (int?)a.StatusCode,
                Error = a.Error, DurationMs = a.DurationMs,
            }).ToList(),
        }).ToList();
    }

    // The head of each (subscription, conversation) queue; events without a conversation have no order to keep.
    private const string DueSelect = """
        SELECT d.id AS Id, d.subscription_id AS SubscriptionId, d.event_id AS EventId, d.attempts AS Attempts, e.body AS Body
        FROM deliveries d JOIN events e ON e.seq = d.event_seq
        WHERE d.status = @Pending AND d.next_attempt_at <= @now AND d.id NOT IN @busy
          AND (d.conversation_id IS NULL OR NOT EXISTS (
              SELECT 1 FROM deliveries o
              WHERE o.subscription_id = d.subscription_id AND o.conversation_id = d.conversation_id
                AND o.status = @Pending AND o.id < d.id))
        ORDER BY d.id
        """;

    private sealed record DueRow(long Id, string SubscriptionId, string EventId, long Attempts, string Body);

    private sealed record RecordRow(long Id, string SubscriptionId, string EventId, string? ConversationId, string Status, long NextAttemptAt, long CreatedAt);

    private sealed record AttemptRow(long DeliveryId, long Attempt, long At, long? StatusCode, string? Error, long DurationMs);
}
