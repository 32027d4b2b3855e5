using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Channels.WhatsApp;

/// <summary>The common frame of every WhatsApp event: ids, times, the business number and the customer.</summary>
internal static class WhatsAppEvent
{
    /// <summary>
    /// An event keyed by <paramref name="keyPrefix"/> + <paramref name="key"/> under the business number. WhatsApp timestamps
    /// are epoch seconds as JSON strings (Meta's webhook sender/recipient rules), so <c>timestamp_ms</c> stays empty for them.
    /// A message (<paramref name="inbound"/>) runs from the customer to the business number, a status (outbound) the other
    /// way; either side may be unknown but the business. The conversation derives from the customer, when there is one.
    /// </summary>
    public static NormalizedEvent Create(string name, string keyPrefix, string key, JsonElement raw, long? metaTime, WhatsAppScope scope,
        TaggedId? user = null, bool? inbound = null)
    {
        var time = Timestamps.Choose(metaTime, null, null, scope.Context.ReceivedAt);
        var business = inbound is null ? (TaggedId?)null : new TaggedId(IdType.PhoneNumberId, scope.PhoneNumberId);
        var (from, to) = inbound == true ? (user, business) : (business, user);
        return new NormalizedEvent
        {
            Id = EventIds.Event(Platform.WhatsApp, scope.PhoneNumberId, keyPrefix, key),
            Platform = Platform.WhatsApp,
            Event = name,
            Timestamp = time.Seconds,
            TimestampMs = time.Milliseconds,
            TimestampSource = time.Source,
            ReceivedAt = scope.Context.ReceivedAt,
            From = from?.Value,
            FromType = from?.Type,
            To = to?.Value,
            ToType = to?.Type,
            PageId = scope.PhoneNumberId,
            PageIdType = IdType.PhoneNumberId,
            UserId = user?.Value,
            UserIdType = user?.Type,
            ConversationId = user is { } u ? EventIds.Conversation(Platform.WhatsApp, scope.PhoneNumberId, u.Value) : null,
            SignatureVerified = scope.Context.SignatureVerified,
            Standby = false,
            Raw = scope.Context.Raw(raw),
        };
    }

    /// <summary>Null for an absent or empty string: Meta's empty ids name nothing.</summary>
    public static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>The customer: the phone (<c>wa_id</c>) when Meta gives one, else the BSUID (Meta's webhook sender/recipient rules).</summary>
    public static TaggedId? User(string? phone, string? bsuid) =>
        !string.IsNullOrEmpty(phone) ? new TaggedId(IdType.WaId, phone)
        : !string.IsNullOrEmpty(bsuid) ? new TaggedId(IdType.WaBsuid, bsuid)
        : null;
}
