using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;

namespace Normalizer.Channels;

/// <summary>Builds <see cref="EventName.AccountUpdated"/> events from a business-level <c>changes[]</c> item.</summary>
public static class AccountChange
{
    /// <summary>
    /// An account update for <c>{ "field": …, "value": … }</c>; a change without a field is unknown.
    /// The key hashes the change's bytes: such changes carry no identity of their own.
    /// </summary>
    public static NormalizedEvent Create(
        Platform platform, IdType pageIdType, string pageId, JsonElement change, long? metaTimestamp, WebhookContext context)
    {
        var unknown = UnknownEvent.Create(platform, pageIdType, pageId, change, context, metaTimestamp, "changes");
        if (change.Str("field"u8) is not { } field)
        {
            return unknown;
        }

        var value = change.Obj("value"u8);
        return unknown with
        {
            Id = EventIds.Event(platform, pageId, $"account:{field}:{ContentKey.Of(change)}"),
            Event = EventName.AccountUpdated,
            Account = new AccountPart { Field = field, Event = value?.Str("event"u8) ?? value?.Str("verb"u8) },
        };
    }
}
