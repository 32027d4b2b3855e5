using System.Buffers;
using System.Text.Json;
using Dapper;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Ingest;
using Normalizer.Json;

namespace Normalizer.Storage.Dapper;

/// <summary>
/// The end of the pipeline in the host: appends the event to the log unless its id is there already (insert-first, so the
/// unique key decides between hosts too), then records the conversation (last inbound time, for the reply window) and the
/// contacts it carries — all in the session's transaction.
/// </summary>
internal sealed class SqlEventSink(StoreSession session, TimeProvider time) : IEventSink
{
    // What opens the reply window: the customer wrote to the business. A comment on a post is no message to it (Meta
    // allows one private reply to it, not a conversation).
    private static readonly HashSet<string> Inbound = new(StringComparer.Ordinal)
    {
        EventName.MessageReceived, EventName.PostbackReceived, EventName.MessageReaction, EventName.ReferralReceived,
        EventName.OptinReceived, EventName.ConversationStarted,
    };

    // Run once per event: prepared once per session (StoreSession.CommandAsync), values set by position.
    private static readonly string[] EventParameters =
        ["@Id", "@Platform", "@PageId", "@Event", "@ConversationId", "@Timestamp", "@ReceivedAt", "@InboxId", "@Body", "@UserId"];

    private static readonly string[] ConversationParameters = ["@Id", "@Platform", "@PageId", "@UserId", "@Inbound", "@At"];

    private static readonly string[] ContactParameters =
        ["@Id", "@PersonId", "@Link", "@Platform", "@ScopedId", "@IdType", "@ScopeId", "@Seen", "@Active", "@SetActive",
            "@MarketingOptOut", "@SetMarketing"];

    // What an event says of its customer's reachability: one who writes is reachable again; one who opts out is stale
    // (README: identity), and a PSID reset is looked for among the stale contacts of the Page. Other events leave it, and so
    // does a marketing preference (MarketingPreference), which is kept apart.
    private static readonly HashSet<string> Reachable = new(StringComparer.Ordinal)
    {
        EventName.MessageReceived, EventName.PostbackReceived, EventName.OptinReceived, EventName.ConversationStarted,
    };

    private readonly ArrayBufferWriter<byte> _body = new(4096);
    private Utf8JsonWriter? _writer;
    private string? _eventInsert;
    private string? _conversationUpsert;
    private string? _contactUpsert;

    public async ValueTask<bool?> AppendAsync(NormalizedEvent evt, IReadOnlyList<ScopedId> identities, CancellationToken cancellationToken)
    {
        // Insert-first: the unique id decides whether the event is new, in the same statement (no read before it).
        _eventInsert ??= session.Dialect.InsertIfAbsentReturning("events",
            "id, platform, page_id, event, conversation_id, timestamp, received_at, inbox_id, body, user_id",
            "@Id, @Platform, @PageId, @Event, @ConversationId, @Timestamp, @ReceivedAt, @InboxId, @Body, @UserId", "id", "seq");
        var platform = evt.Platform.ToWire();
        await session.LockLogAsync(cancellationToken).ConfigureAwait(false);
        bool? stored;
        if (session.DefersAppends && identities.Count <= 1)
        {
            // Kept with the session's other statements; the store's answer comes when they are sent. The upserts below
            // then run for a redelivery too: they keep the later of two times, so an event seen again changes nothing.
            var kept = new DeferredStatement(_eventInsert, EventParameters, seq =>
            {
                if (seq is { } position)
                {
                    session.AddStored(new StoredEvent(position, evt));
                }
            });
            Bind(kept, evt, platform);
            await session.RunAsync(kept, cancellationToken).ConfigureAwait(false);
            stored = null;
        }
        else
        {
            var insert = await session.CommandAsync(_eventInsert, EventParameters, cancellationToken).ConfigureAwait(false);
            Bind(insert, evt, platform);
            if (await insert.ExecuteInt64Async(cancellationToken).ConfigureAwait(false) is not { } seq)
            {
                return false;
            }

            session.AddStored(new StoredEvent(seq, evt));
            stored = true;
        }

        var marketing = MarketingPreference.StoppedBy(evt);
        if (evt.ConversationId is not null)
        {
            _conversationUpsert ??= session.Dialect.Upsert("conversations", "id, platform, page_id, user_id, last_inbound_at, last_event_at",
                "@Id, @Platform, @PageId, @UserId, @Inbound, @At", "id", ConversationUpdate);
            var upsert = await session.StatementAsync(_conversationUpsert, ConversationParameters, cancellationToken).ConfigureAwait(false);
            upsert.Set(0, evt.ConversationId);
            upsert.Set(1, platform);
            upsert.Set(2, evt.PageId);
            upsert.Set(3, evt.UserId);
            upsert.Set(4, OpensWindow(evt, marketing) ? evt.Timestamp * 1000 : null);
            upsert.Set(5, evt.Timestamp * 1000);
            await session.RunAsync(upsert, cancellationToken).ConfigureAwait(false);
        }

        // Several IDs of one customer in one event (WhatsApp phone + BSUID) are linked to one person.
        var now = time.GetUtcNow();
        var link = identities.Count > 1;
        var optedOut = marketing is null && evt.Event == EventName.OptoutReceived;
        var setsActivity = marketing is null && (optedOut || Reachable.Contains(evt.Event));
        string? person = null;
        if (link)
        {
            await session.FlushAsync(cancellationToken).ConfigureAwait(false); // contacts kept for later must be read too
            var (connection, transaction) = await session.BeginAsync(cancellationToken).ConfigureAwait(false);
            person = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
                $"SELECT person_id FROM contacts WHERE scope_id = @Scope AND {session.Dialect.InList("scoped_id", "@Ids")} ORDER BY first_seen",
                new { Scope = identities[0].Scope.Value, Ids = identities.Select(i => i.Id.Value).ToArray() },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        foreach (var identity in identities)
        {
            person ??= RecordIds.New(now).ToString();
            _contactUpsert ??= session.Dialect.Upsert("contacts",
                "id, person_id, platform, scoped_id, id_type, scope_id, is_active, first_seen, last_seen, marketing_opt_out",
                "@Id, @PersonId, @Platform, @ScopedId, @IdType, @ScopeId, @Active, @Seen, @Seen, @MarketingOptOut", "scoped_id, scope_id",
                ContactUpdate);
            var upsert = await session.StatementAsync(_contactUpsert, ContactParameters, cancellationToken).ConfigureAwait(false);
            upsert.Set(0, RecordIds.New(now).ToString());
            upsert.Set(1, person);
            upsert.Set(2, link ? 1 : 0);
            upsert.Set(3, platform);
            upsert.Set(4, identity.Id.Value);
            upsert.Set(5, IdTypes.ToWire(identity.Id.Type));
            upsert.Set(6, identity.Scope.Value);
            upsert.Set(7, evt.Timestamp * 1000);
            upsert.Set(8, optedOut ? 0 : 1);
            upsert.Set(9, setsActivity ? 1 : 0);
            upsert.Set(10, marketing == true ? 1 : 0);
            upsert.Set(11, marketing is null ? 0 : 1);
            await session.RunAsync(upsert, cancellationToken).ConfigureAwait(false);
        }

        return stored;
    }

    // The customer wrote (or opened the chat, or called the business): the reply window runs from now (Meta: a customer
    // message or call opens the customer service window). A marketing preference is no message.
    private static bool OpensWindow(NormalizedEvent evt, bool? marketing) =>
        marketing is null && (Inbound.Contains(evt.Event)
            || (evt.Event == EventName.CallConnected && evt.From is not null && evt.From == evt.UserId && evt.FromType == evt.UserIdType));

    private void Bind(IRowValues insert, NormalizedEvent evt, string platform)
    {
        insert.Set(0, evt.Id);
        insert.Set(1, platform);
        insert.Set(2, evt.PageId);
        insert.Set(3, evt.Event);
        insert.Set(4, evt.ConversationId);
        insert.Set(5, evt.Timestamp);
        insert.Set(6, evt.ReceivedAt.ToUnixTimeMilliseconds());
        insert.Set(7, session.InboxId);
        insert.SetUtf8(8, Serialize(evt));
        insert.Set(9, evt.UserId);
    }

    // The stored body as UTF-8, written into one buffer reused for every event of the session (bound as a copy). The
    // customer's contact and person are not part of it: they are read with the event (SqlEventStore, EventIdentity).
    private ReadOnlySpan<byte> Serialize(NormalizedEvent evt)
    {
        if (evt.ContactId is not null || evt.PersonId is not null)
        {
            evt = evt with { ContactId = null, PersonId = null };
        }

        _body.ResetWrittenCount();
        _writer ??= new Utf8JsonWriter(_body);
        _writer.Reset();
        JsonSerializer.Serialize(_writer, evt, NormalizerJsonContext.Default.NormalizedEvent);
        return _body.WrittenSpan;
    }

    // The updates of the upserts (ISqlDialect.Upsert): excluded.x is the value offered, table.x the stored one.
    private const string ConversationUpdate = """
            last_inbound_at = CASE WHEN excluded.last_inbound_at IS NULL THEN conversations.last_inbound_at
                                   WHEN conversations.last_inbound_at IS NULL OR excluded.last_inbound_at > conversations.last_inbound_at
                                   THEN excluded.last_inbound_at ELSE conversations.last_inbound_at END,
            last_event_at = CASE WHEN excluded.last_event_at > conversations.last_event_at
                                 THEN excluded.last_event_at ELSE conversations.last_event_at END
        """;

    private const string ContactUpdate = """
            person_id = CASE WHEN @Link = 1 THEN excluded.person_id ELSE contacts.person_id END,
            is_active = CASE WHEN @SetActive = 1 THEN excluded.is_active ELSE contacts.is_active END,
            marketing_opt_out = CASE WHEN @SetMarketing = 1 THEN excluded.marketing_opt_out ELSE contacts.marketing_opt_out END,
            last_seen = CASE WHEN excluded.last_seen > contacts.last_seen THEN excluded.last_seen ELSE contacts.last_seen END
        """;
}
