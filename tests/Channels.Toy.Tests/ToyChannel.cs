using System.Text.Json;
using Normalizer.Channels;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;

namespace Normalizer.Channels.Toy.Tests;

/// <summary>
/// A made-up SMS-like gateway: <c>{"object":"toy","entry":[{"number":…,"messages":[{"id","from","at","text"}]}]}</c>.
/// Its business side is a phone number ID, its customers phone numbers. The normalized event's <c>platform</c> is a closed
/// set (the event model's <see cref="Platform"/>), so the toy borrows <c>whatsapp</c> and is registered without the
/// WhatsApp channel.
/// </summary>
internal sealed class ToyChannel : IChannel
{
    private static readonly ChannelIdTypes IdTypes = new() { Business = IdType.PhoneNumberId, Users = [IdType.WaId] };

    public Platform Platform => Platform.WhatsApp;

    public string WebhookObject => "toy";

    public ChannelIdTypes Ids => IdTypes;

    public void Normalize(ref Utf8JsonReader entry, WebhookContext context, List<NormalizedEvent> output)
    {
        using var document = context.Parse(ref entry);
        var number = document.RootElement.Str("number"u8) ?? "";
        foreach (var message in document.RootElement.Items("messages"u8))
        {
            output.Add(message.Str("id"u8) is { } id && message.Str("from"u8) is { } from
                ? Received(number, id, from, message, context)
                : UnknownEvent.Create(Platform, IdTypes.Business, number, message, context, null, "messages"));
        }
    }

    private NormalizedEvent Received(string number, string id, string from, JsonElement message, WebhookContext context) => new()
    {
        Id = EventIds.Event(Platform, number, "message:" + id),
        Platform = Platform,
        Event = EventName.MessageReceived,
        Timestamp = message.Long("at"u8) ?? context.ReceivedAt.ToUnixTimeSeconds(),
        ReceivedAt = context.ReceivedAt,
        From = from,
        FromType = IdType.WaId,
        To = number,
        ToType = IdTypes.Business,
        PageId = number,
        PageIdType = IdTypes.Business,
        UserId = from,
        UserIdType = IdType.WaId,
        ConversationId = EventIds.Conversation(Platform, number, from),
        Message = new MessagePart { Id = id, Type = "text", Body = message.Str("text"u8), IsEcho = false },
        SignatureVerified = context.SignatureVerified,
        Standby = false,
        Raw = context.Raw(message),
    };
}
