using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;

namespace Normalizer.Channels.WhatsApp;

/// <summary>
/// Walks one WhatsApp entry (<c>id</c> = WABA id) and its <c>changes[]</c> in payload order. A <c>messages</c>
/// change yields one event per <c>messages[]</c> item, then per <c>statuses[]</c> item, then one
/// <c>error.received</c> for <c>errors[]</c> (PLATFORM.md §2.7); any other field is an account update.
/// </summary>
internal static class WhatsAppParser
{
    public static void Normalize(JsonElement entry, WebhookContext context, ICollection<NormalizedEvent> output)
    {
        var wabaId = entry.Str("id") ?? "";
        if (!entry.TryProp("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
        {
            output.Add(UnknownEvent.Create(Platform.WhatsApp, wabaId, entry, context, entry.Long("time")));
            return;
        }

        foreach (var change in changes.EnumerateArray())
        {
            Change(change, wabaId, entry.Long("time"), context, output);
        }
    }

    private static void Change(JsonElement change, string wabaId, long? entryTime, WebhookContext context, ICollection<NormalizedEvent> output)
    {
        var field = change.Str("field");
        var value = change.Obj("value");
        // Business-level changes rarely name a number; the WABA id then stands in for page_id.
        var pageId = value?.Obj("metadata")?.Str("phone_number_id") ?? wabaId;
        var time = value?.Long("timestamp") ?? entryTime;
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

        var phoneNumberId = value.Value.Obj("metadata")?.Str("phone_number_id");
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
        foreach (var message in scope.Value.Items("messages"))
        {
            output.Add(WhatsAppMessages.Parse(message, scope));
        }

        foreach (var status in scope.Value.Items("statuses"))
        {
            output.Add(WhatsAppStatuses.Parse(status, scope));
        }

        if (WhatsAppParts.Errors(scope.Value) is { } errors && scope.Value.TryProp("errors", out var raw))
        {
            // Errors not tied to a message carry no id or time of their own: key them by their exact bytes.
            output.Add(WhatsAppEvent.Create(EventName.ErrorReceived, "errors:" + ContentKey.Of(raw), scope.Value, null, scope) with
            {
                Errors = errors,
            });
        }
    }
}
