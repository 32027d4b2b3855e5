using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;

namespace Normalizer.Channels.WhatsApp;

/// <summary>
/// Walks one WhatsApp entry (<c>id</c> = WABA id) and its <c>changes[]</c> in payload order. A <c>messages</c>
/// change yields one event per <c>messages[]</c> item, then per <c>statuses[]</c> item, then one
/// <c>error.received</c> for <c>errors[]</c> (Meta's WhatsApp Cloud API webhooks); any other field is an account update.
/// </summary>
internal static class WhatsAppParser
{
    public static void Normalize(JsonElement entry, WebhookContext context, ICollection<NormalizedEvent> output)
    {
        var wabaId = entry.Str("id"u8) ?? "";
        if (!entry.TryProp("changes"u8, out var changes) || changes.ValueKind != JsonValueKind.Array)
        {
            output.Add(UnknownEvent.Create(Platform.WhatsApp, wabaId, entry, context, entry.Long("time"u8)));
            return;
        }

        var index = 0;
        foreach (var change in changes.EnumerateArray())
        {
            if (change.ValueKind == JsonValueKind.Object)
            {
                Change(change, wabaId, entry.Long("time"u8), context, output);
            }
            else
            {
                output.Add(Stray(entry, $"changes[{index}]", wabaId, context));
            }

            index++;
        }
    }

    private static void Change(JsonElement change, string wabaId, long? entryTime, WebhookContext context, ICollection<NormalizedEvent> output)
    {
        // A field of any other JSON type than a string is not a field Meta sends.
        var field = change.TryProp("field"u8, out var f) && f.ValueKind == JsonValueKind.String ? f.StringValue() : null;
        var value = change.Obj("value"u8);
        // Business-level changes rarely name a number; the WABA id then stands in for page_id.
        var pageId = value?.Obj("metadata"u8)?.Str("phone_number_id"u8) ?? wabaId;
        var time = value?.Long("timestamp"u8) ?? entryTime;
        if (field is null || value is null)
        {
            output.Add(UnknownEvent.Create(Platform.WhatsApp, pageId, change, context, time));
            return;
        }

        if (field != "messages")
        {
            output.Add(AccountChange.Create(Platform.WhatsApp, pageId, change, time, context));
            return;
        }

        var phoneNumberId = value.Value.Obj("metadata"u8)?.Str("phone_number_id"u8);
        var before = output.Count;
        if (!string.IsNullOrEmpty(phoneNumberId))
        {
            Messages(new WhatsAppScope(phoneNumberId, value.Value, context), output);
        }

        if (output.Count == before)
        {
            // No business number, or nothing we could read in it: keep the whole change.
            output.Add(UnknownEvent.Create(Platform.WhatsApp, pageId, change, context, time));
        }
    }

    private static void Messages(WhatsAppScope scope, ICollection<NormalizedEvent> output)
    {
        var index = 0;
        foreach (var message in scope.Value.Items("messages"u8))
        {
            output.Add(message.ValueKind == JsonValueKind.Object
                ? WhatsAppMessages.Parse(message, scope)
                : Stray(scope.Value, $"messages[{index}]", scope.PhoneNumberId, scope.Context));
            index++;
        }

        index = 0;
        foreach (var status in scope.Value.Items("statuses"u8))
        {
            output.Add(status.ValueKind == JsonValueKind.Object
                ? WhatsAppStatuses.Parse(status, scope)
                : Stray(scope.Value, $"statuses[{index}]", scope.PhoneNumberId, scope.Context));
            index++;
        }

        if (WhatsAppParts.Errors(scope.Value) is { } errors && scope.Value.TryProp("errors"u8, out var raw))
        {
            // Errors not tied to a message carry no id or time of their own: key them by their exact bytes.
            output.Add(WhatsAppEvent.Create(EventName.ErrorReceived, "errors:", ContentKey.Of(raw), scope.Value, null, scope) with
            {
                Errors = errors,
            });
        }
    }

    /// <summary>
    /// An array item that is not an object: <c>raw</c> must be an object, so the container is kept instead,
    /// keyed by its bytes and the item's position so two stray items of one container stay apart.
    /// </summary>
    private static NormalizedEvent Stray(JsonElement container, string path, string pageId, WebhookContext context) =>
        UnknownEvent.Create(Platform.WhatsApp, pageId, container, context, null) with
        {
            Id = EventIds.Event(Platform.WhatsApp, pageId, $"unknown:{ContentKey.Of(container)}:{path}"),
        };
}
