using System.Text.Json;
using Dapper;
using Normalizer.Events;
using Normalizer.Ingest;
using Normalizer.Json;

namespace Normalizer.Storage.Dapper;

/// <summary>
/// The end of the pipeline in the host: appends the event to the log, records the conversation (last
/// inbound time, for the reply window) and the contacts it carries, and queues its deliveries — all in
/// the session's transaction.
/// </summary>
internal sealed class SqlEventSink(StoreSession session, SubscriptionCache subscriptions, TimeProvider time) : IEventSink
{
    private static readonly HashSet<string> Inbound = new(StringComparer.Ordinal)
    {
        EventName.MessageReceived, EventName.PostbackReceived, EventName.MessageReaction, EventName.ReferralReceived,
        EventName.OptinReceived, EventName.CommentReceived,
    };

    public async ValueTask AppendAsync(NormalizedEvent evt, IReadOnlyList<ScopedId> identities, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await session.BeginAsync(cancellationToken).ConfigureAwait(false);
        var dialect = session.Dialect;
        var body = JsonSerializer.Serialize(evt, NormalizerJsonContext.Default.NormalizedEvent);
        var seq = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            dialect.InsertReturning("events",
                "id, platform, page_id, event, conversation_id, timestamp, received_at, inbox_id, body",
                "@Id, @Platform, @PageId, @Event, @ConversationId, @Timestamp, @ReceivedAt, @InboxId, @Body", "seq"),
            new
            {
                evt.Id, Platform = evt.Platform.ToWire(), evt.PageId, evt.Event, evt.ConversationId, evt.Timestamp,
                ReceivedAt = evt.ReceivedAt.ToUnixTimeMilliseconds(), session.InboxId, Body = body,
            }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (evt.ConversationId is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(ConversationUpsert, new
            {
                Id = evt.ConversationId, Platform = evt.Platform.ToWire(), evt.PageId, evt.UserId,
                Inbound = Inbound.Contains(evt.Event) ? evt.Timestamp * 1000 : (long?)null,
                At = evt.Timestamp * 1000,
            }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        // Several IDs of one customer in one event (WhatsApp phone + BSUID) are linked to one person.
        var link = identities.Count > 1;
        string? person = null;
        if (link)
        {
            person = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
                "SELECT person_id FROM contacts WHERE scope_id = @Scope AND scoped_id IN @Ids ORDER BY first_seen",
                new { Scope = identities[0].Scope.Value, Ids = identities.Select(i => i.Id.Value).ToArray() },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        person ??= Guid.NewGuid().ToString();
        foreach (var identity in identities)
        {
            await connection.ExecuteAsync(new CommandDefinition(ContactUpsert, new
            {
                Id = Guid.NewGuid().ToString(), PersonId = person, Link = link,
                Platform = evt.Platform.ToWire(), ScopedId = identity.Id.Value, IdType = Ids.IdTypes.ToWire(identity.Id.Type),
                ScopeId = identity.Scope.Value, Seen = evt.Timestamp * 1000,
            }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        foreach (var subscription in subscriptions.Matching(evt))
        {
            await connection.ExecuteAsync(new CommandDefinition(DeliveryInsert, new
            {
                SubscriptionId = subscription.Id, Seq = seq, EventId = evt.Id, evt.ConversationId, Now = now,
            }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        session.AddStored(new StoredEvent(seq, evt));
    }

    // Shared by the engines that support ON CONFLICT (SQLite, PostgreSQL).
    private const string ConversationUpsert = """
        INSERT INTO conversations (id, platform, page_id, user_id, last_inbound_at, last_event_at)
        VALUES (@Id, @Platform, @PageId, @UserId, @Inbound, @At)
        ON CONFLICT (id) DO UPDATE SET
            last_inbound_at = CASE WHEN excluded.last_inbound_at IS NULL THEN conversations.last_inbound_at
                                   WHEN conversations.last_inbound_at IS NULL OR excluded.last_inbound_at > conversations.last_inbound_at
                                   THEN excluded.last_inbound_at ELSE conversations.last_inbound_at END,
            last_event_at = CASE WHEN excluded.last_event_at > conversations.last_event_at
                                 THEN excluded.last_event_at ELSE conversations.last_event_at END
        """;

    private const string ContactUpsert = """
        INSERT INTO contacts (id, person_id, platform, scoped_id, id_type, scope_id, is_active, first_seen, last_seen)
        VALUES (@Id, @PersonId, @Platform, @ScopedId, @IdType, @ScopeId, 1, @Seen, @Seen)
        ON CONFLICT (scoped_id, scope_id) DO UPDATE SET
            person_id = CASE WHEN @Link THEN excluded.person_id ELSE contacts.person_id END,
            last_seen = CASE WHEN excluded.last_seen > contacts.last_seen THEN excluded.last_seen ELSE contacts.last_seen END
        """;

    private const string DeliveryInsert = """
        INSERT INTO deliveries (subscription_id, event_seq, event_id, conversation_id, status, attempts, next_attempt_at, created_at, updated_at)
        VALUES (@SubscriptionId, @Seq, @EventId, @ConversationId, 'pending', 0, @Now, @Now, @Now)
        """;
}
