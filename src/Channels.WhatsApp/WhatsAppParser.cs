using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;

namespace Normalizer.Channels.WhatsApp;

/// <summary>
/// Walks one WhatsApp entry (<c>id</c> = WABA id) and its <c>changes[]</c> in payload order. A <c>messages</c>
/// change yields one event per <c>messages[]</c> item, then per <c>statuses[]</c> item, then one
/// <c>error.received</c> for <c>errors[]</c> (Meta's WhatsApp Cloud API webhooks); the other fields about customers of a
/// number yield one event per item; any other field is an account update.
/// </summary>
internal static class WhatsAppParser
{
    public static void Normalize(JsonElement entry, WebhookContext context, ICollection<NormalizedEvent> output)
    {
        var wabaId = entry.Str("id"u8) ?? "";
        if (!entry.TryProp("changes"u8, out var changes) || changes.ValueKind != JsonValueKind.Array)
        {
            output.Add(OfAccount(UnknownEvent.Create(Platform.WhatsApp, IdType.PhoneNumberId, wabaId, entry, context, entry.Long("time"u8))));
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
                output.Add(OfAccount(Stray(entry, $"changes[{index}]", wabaId, context)));
            }

            index++;
        }
    }

    private static void Change(JsonElement change, string wabaId, long? entryTime, WebhookContext context, ICollection<NormalizedEvent> output)
    {
        // A field of any other JSON type than a string is not a field Meta sends.
        var field = change.TryProp("field"u8, out var f) && f.ValueKind == JsonValueKind.String ? f.StringValue() : null;
        var value = change.Obj("value"u8);
        // Business-level changes rarely name a number (Meta's WABA webhook references: template, quality, account updates…);
        // the WABA id (entry[].id) then stands in for page_id, tagged as what it is.
        var numberId = NonEmpty(value?.Obj("metadata"u8)?.Str("phone_number_id"u8));
        var pageId = numberId ?? wabaId;
        var time = value?.Long("timestamp"u8) ?? entryTime;
        if (field is null || value is null)
        {
            var unknown = UnknownEvent.Create(Platform.WhatsApp, IdType.PhoneNumberId, pageId, change, context, time);
            output.Add(numberId is null ? OfAccount(unknown) : unknown);
            return;
        }

        if (!OfCustomers(field))
        {
            var account = AccountChange.Create(Platform.WhatsApp, IdType.PhoneNumberId, pageId, change, time, context) with
            {
                Account = WhatsAppAccountChanges.Part(field, value.Value),
            };
            output.Add(numberId is null ? OfAccount(account) : account);
            return;
        }

        var before = output.Count;
        if (numberId is not null)
        {
            Customers(field, new WhatsAppScope(numberId, value.Value, context), output);
        }

        if (output.Count == before)
        {
            // No business number, or nothing we could read in it: keep the whole change.
            var unknown = UnknownEvent.Create(Platform.WhatsApp, IdType.PhoneNumberId, pageId, change, context, time);
            output.Add(numberId is null ? OfAccount(unknown) : unknown);
        }
    }

    /// <summary>
    /// The fields whose items concern customers of one business number (<c>metadata.phone_number_id</c>): messages and
    /// statuses, the Coexistence fields (smb_message_echoes, history, smb_app_state_sync; Meta's webhook references of the
    /// same names), marketing preferences (user_preferences) and the Calling API's calls.
    /// </summary>
    private static bool OfCustomers(string field) =>
        field is "messages" or "smb_message_echoes" or "history" or "smb_app_state_sync" or "user_preferences" or "calls";

    private static void Customers(string field, WhatsAppScope scope, ICollection<NormalizedEvent> output)
    {
        switch (field)
        {
            case "messages":
                Messages(scope, output);
                break;
            case "smb_message_echoes":
                Each(scope, "message_echoes"u8, "message_echoes", WhatsAppEchoes.Parse, output);
                break;
            case "history":
                WhatsAppHistory.Normalize(scope, output);
                break;
            case "smb_app_state_sync":
                Each(scope, "state_sync"u8, "state_sync", WhatsAppStateSync.Parse, output);
                break;
            case "user_preferences":
                Each(scope, "user_preferences"u8, "user_preferences", WhatsAppPreferences.Parse, output);
                break;
            default:
                Each(scope, "calls"u8, "calls", WhatsAppCalls.Parse, output);
                Each(scope, "statuses"u8, "statuses", WhatsAppCalls.Status, output);
                Errors(scope.Value, scope, output);
                break;
        }
    }

    /// <summary>One event per item of the array <paramref name="name"/>; an item that is not an object is kept as stray.</summary>
    internal static void Each(WhatsAppScope scope, ReadOnlySpan<byte> name, string path,
        Func<JsonElement, WhatsAppScope, NormalizedEvent> parse, ICollection<NormalizedEvent> output)
    {
        var index = 0;
        foreach (var item in scope.Value.Items(name))
        {
            output.Add(item.ValueKind == JsonValueKind.Object
                ? parse(item, scope)
                : Stray(scope.Value, $"{path}[{index}]", scope.PhoneNumberId, scope.Context));
            index++;
        }
    }

    /// <summary>An event whose <c>page_id</c> is the WABA id (<c>entry[].id</c>), not a phone_number_id.</summary>
    private static NormalizedEvent OfAccount(NormalizedEvent evt) => evt with { PageIdType = IdType.WabaId };

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static void Messages(WhatsAppScope scope, ICollection<NormalizedEvent> output)
    {
        Each(scope, "messages"u8, "messages", WhatsAppMessages.Parse, output);
        Each(scope, "statuses"u8, "statuses", WhatsAppStatuses.Parse, output);
        Errors(scope.Value, scope, output);
    }

    /// <summary>One <c>error.received</c> for the <c>errors[]</c> of <paramref name="owner"/>, when it has any.</summary>
    internal static void Errors(JsonElement owner, WhatsAppScope scope, ICollection<NormalizedEvent> output)
    {
        if (WhatsAppParts.Errors(owner) is { } errors && owner.TryProp("errors"u8, out var raw))
        {
            // Errors not tied to a message carry no id or time of their own: key them by their exact bytes.
            output.Add(WhatsAppEvent.Create(EventName.ErrorReceived, "errors:", ContentKey.Of(raw), owner, null, scope) with
            {
                Errors = errors,
            });
        }
    }

    /// <summary>
    /// An array item that is not an object: <c>raw</c> must be an object, so the container is kept instead,
    /// keyed by its bytes and the item's position so two stray items of one container stay apart.
    /// </summary>
    internal static NormalizedEvent Stray(JsonElement container, string path, string pageId, WebhookContext context) =>
        UnknownEvent.Create(Platform.WhatsApp, IdType.PhoneNumberId, pageId, container, context, null) with
        {
            Id = EventIds.Event(Platform.WhatsApp, pageId, $"unknown:{ContentKey.Of(container)}:{path}"),
        };
}
