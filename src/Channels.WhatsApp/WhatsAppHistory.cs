using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;
using static Normalizer.Channels.WhatsApp.WhatsAppEvent;

namespace Normalizer.Channels.WhatsApp;

/// <summary>
/// <c>history</c> (Coexistence; Meta's history webhook reference): the WhatsApp Business app's past chats, synced once.
/// <c>value.history[]</c> holds <c>metadata{phase, chunk_order, progress}</c> and <c>threads[{id (customer), messages[]}]</c>,
/// or <c>errors[]</c> when the business declined to share; media of recent messages follow as <c>value.messages[]</c>.
/// Every synced message becomes <c>message.history</c>, never <c>message.received</c> or <c>message.echo</c>, so nothing
/// answers or counts a months-old message as live.
/// </summary>
internal static class WhatsAppHistory
{
    public static void Normalize(WhatsAppScope scope, ICollection<NormalizedEvent> output)
    {
        var business = NonEmpty(scope.Value.Obj("metadata"u8)?.Str("display_phone_number"u8));
        var index = 0;
        foreach (var chunk in scope.Value.Items("history"u8))
        {
            if (chunk.ValueKind != JsonValueKind.Object)
            {
                output.Add(WhatsAppParser.Stray(scope.Value, $"history[{index++}]", scope.PhoneNumberId, scope.Context));
                continue;
            }

            index++;
            var metadata = chunk.Obj("metadata"u8);
            var sync = new HistoryPart
            {
                Phase = metadata?.Long("phase"u8),
                ChunkOrder = metadata?.Long("chunk_order"u8),
                Progress = metadata?.Long("progress"u8),
            };
            foreach (var thread in chunk.Items("threads"u8))
            {
                if (thread.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var customer = NonEmpty(thread.Str("id"u8));
                var threadScope = scope with { Value = thread };
                WhatsAppParser.Each(threadScope, "messages"u8, "messages",
                    (message, s) => Message(message, s, "history:", customer, business, sync), output);
            }

            WhatsAppParser.Errors(chunk, scope, output);
        }

        // The media of a placeholder (type media_placeholder) arrive later with the same wamid: keyed apart from it.
        WhatsAppParser.Each(scope, "messages"u8, "messages", (message, s) => Message(message, s, "history-media:", null, business, null), output);
    }

    private static NormalizedEvent Message(JsonElement message, WhatsAppScope scope, string prefix, string? thread, string? business,
        HistoryPart? sync)
    {
        var wamid = NonEmpty(message.Str("id"u8));
        var time = message.Long("timestamp"u8);
        var from = NonEmpty(message.Str("from"u8));
        // Only the business's own messages carry `to`; in a thread the customer is the thread's id.
        var to = NonEmpty(message.Str("to"u8));
        var inbound = to is null && from is not null && (thread is not null ? from == thread : from != business);
        var user = inbound ? new TaggedId(IdType.WaId, from!) : WhatsAppEchoes.Customer(to ?? thread);
        if (wamid is null || user is null)
        {
            return UnknownEvent.Create(Platform.WhatsApp, IdType.PhoneNumberId, scope.PhoneNumberId, message, scope.Context, time);
        }

        var type = NonEmpty(message.Str("type"u8)) ?? "unknown";
        return Create(EventName.MessageHistory, prefix, wamid, message, time, scope, user, inbound) with
        {
            Message = WhatsAppMessages.Content(message, wamid, type) with { IsEcho = !inbound },
            History = sync is null ? null : sync with { Status = message.Obj("history_context"u8)?.Str("status"u8) },
        };
    }
}
