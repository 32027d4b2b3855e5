using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Channels.WhatsApp;

/// <summary>The common frame of every WhatsApp event: ids, times, the business number and the customer.</summary>
internal static class WhatsAppEvent
{
    /// <summary>
    /// An event keyed by <paramref name="key"/> under the business number. WhatsApp timestamps are epoch
    /// seconds as JSON strings (Meta's webhook sender/recipient rules), so <c>timestamp_ms</c> stays empty for them.
    /// </summary>
    public static NormalizedEvent Create(string name, string key, JsonElement raw, long? metaTime, WhatsAppScope scope)
    {
        var (seconds, ms) = metaTime is { } t ? Timestamps.Split(t) : (scope.Context.ReceivedAt.ToUnixTimeSeconds(), null);
        return new NormalizedEvent
        {
            Id = EventIds.Event(Platform.WhatsApp, scope.PhoneNumberId, key),
            Platform = Platform.WhatsApp,
            Event = name,
            Timestamp = seconds,
            TimestampMs = ms,
            ReceivedAt = scope.Context.ReceivedAt,
            PageId = scope.PhoneNumberId,
            PageIdType = IdType.PhoneNumberId,
            SignatureVerified = scope.Context.SignatureVerified,
            Standby = false,
            Raw = scope.Context.Raw(raw),
        };
    }

    /// <summary>Sets the customer (<c>user_id</c>) and the conversation derived from it.</summary>
    public static NormalizedEvent WithUser(this NormalizedEvent evt, TaggedId? user) => user is { } u
        ? evt with
        {
            UserId = u.Value,
            UserIdType = u.Type,
            ConversationId = EventIds.Conversation(Platform.WhatsApp, evt.PageId, u.Value),
        }
        : evt;

    /// <summary>The customer: the phone (<c>wa_id</c>) when Meta gives one, else the BSUID (Meta's webhook sender/recipient rules).</summary>
    public static TaggedId? User(string? phone, string? bsuid) =>
        !string.IsNullOrEmpty(phone) ? new TaggedId(IdType.WaId, phone)
        : !string.IsNullOrEmpty(bsuid) ? new TaggedId(IdType.WaBsuid, bsuid)
        : null;
}
