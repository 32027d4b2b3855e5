using System.Data.Common;
using System.Globalization;
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

    // Run once per event: prepared once per session (StoreSession.CommandAsync), values set by position.
    private static readonly string[] EventParameters =
        ["@Id", "@Platform", "@PageId", "@Event", "@ConversationId", "@Timestamp", "@ReceivedAt", "@InboxId", "@Body"];

    private static readonly string[] ConversationParameters = ["@Id", "@Platform", "@PageId", "@UserId", "@Inbound", "@At"];

    private static readonly string[] ContactParameters = ["@Id", "@PersonId", "@Link", "@Platform", "@ScopedId", "@IdType", "@ScopeId", "@Seen"];

    private static readonly string[] DeliveryParameters = ["@SubscriptionId", "@Seq", "@EventId", "@ConversationId", "@Now"];

    private string? _eventInsert;

    public async ValueTask AppendAsync(NormalizedEvent evt, IReadOnlyList<ScopedId> identities, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await session.BeginAsync(cancellationToken).ConfigureAwait(false);
        _eventInsert ??= session.Dialect.InsertReturning("events",
            "id, platform, page_id, event, conversation_id, timestamp, received_at, inbox_id, body",
            "@Id, @Platform, @PageId, @Event, @ConversationId, @Timestamp, @ReceivedAt, @InboxId, @Body", "seq");
        var platform = evt.Platform.ToWire();
        var insert = await session.CommandAsync(_eventInsert, EventParameters, cancellationToken).ConfigureAwait(false);
        Set(insert, 0, evt.Id);
        Set(insert, 1, platform);
        Set(insert, 2, evt.PageId);
        Set(insert, 3, evt.Event);
        Set(insert, 4, evt.ConversationId);
        Set(insert, 5, evt.Timestamp);
        Set(insert, 6, evt.ReceivedAt.ToUnixTimeMilliseconds());
        Set(insert, 7, session.InboxId);
        Set(insert, 8, JsonSerializer.Serialize(evt, NormalizerJsonContext.Default.NormalizedEvent));
        var seq = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);

        if (evt.ConversationId is not null)
        {
            var upsert = await session.CommandAsync(ConversationUpsert, ConversationParameters, cancellationToken).ConfigureAwait(false);
            Set(upsert, 0, evt.ConversationId);
            Set(upsert, 1, platform);
            Set(upsert, 2, evt.PageId);
            Set(upsert, 3, evt.UserId);
            Set(upsert, 4, Inbound.Contains(evt.Event) ? evt.Timestamp * 1000 : null);
            Set(upsert, 5, evt.Timestamp * 1000);
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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

        person ??= Guid.CreateVersion7().ToString();
        foreach (var identity in identities)
        {
            var upsert = await session.CommandAsync(ContactUpsert, ContactParameters, cancellationToken).ConfigureAwait(false);
            Set(upsert, 0, Guid.CreateVersion7().ToString());
            Set(upsert, 1, person);
            Set(upsert, 2, link);
            Set(upsert, 3, platform);
            Set(upsert, 4, identity.Id.Value);
            Set(upsert, 5, Ids.IdTypes.ToWire(identity.Id.Type));
            Set(upsert, 6, identity.Scope.Value);
            Set(upsert, 7, evt.Timestamp * 1000);
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        long? now = null;
        foreach (var subscription in subscriptions.Matching(evt))
        {
            now ??= time.GetUtcNow().ToUnixTimeMilliseconds();
            var delivery = await session.CommandAsync(DeliveryInsert, DeliveryParameters, cancellationToken).ConfigureAwait(false);
            Set(delivery, 0, subscription.Id);
            Set(delivery, 1, seq);
            Set(delivery, 2, evt.Id);
            Set(delivery, 3, evt.ConversationId);
            Set(delivery, 4, now);
            await delivery.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        session.AddStored(new StoredEvent(seq, evt));
    }

    private static void Set(DbCommand command, int index, object? value) => command.Parameters[index].Value = value ?? DBNull.Value;

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
