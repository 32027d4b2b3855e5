using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Testing;

namespace Normalizer.Channels.WhatsApp.Tests;

public sealed class WhatsAppParserTests
{
    private const string WabaId = "102290129340398";

    [Fact]
    public void Normalize_ChangeLevelErrors_EmitsOneErrorReceived()
    {
        // Act
        var evt = WhatsAppExpect.Events("account-and-errors")[0];

        // Assert
        WhatsAppExpect.Common(evt, EventName.ErrorReceived, ErrorsKey("account-and-errors"), TestNormalizer.ReceivedAt.ToUnixTimeSeconds());
        Assert.Equal(2, evt.Errors!.Count);
        Assert.Equal("131056", evt.Errors[0].Code);
        Assert.Equal("Too many messages sent from this phone number to the same phone number in a short period of time.", evt.Errors[0].Details);
        Assert.Equal(new MetaErrorPart { Code = "131026", Title = "Message undeliverable", Message = "Message undeliverable" }, evt.Errors[1]);
        Assert.Null(evt.From);
        Assert.Null(evt.UserId);
        Assert.Null(evt.ConversationId);
        Assert.True(evt.Raw.Parse().TryGetProperty("metadata", out _));
    }

    [Fact]
    public void Normalize_TemplateStatusUpdate_EmitsAccountUpdated()
    {
        // Act
        var evt = WhatsAppExpect.Events("account-and-errors")[1];

        // Assert
        Assert.Equal(EventName.AccountUpdated, evt.Event);
        Assert.Equal(
            new AccountPart
            {
                Field = "message_template_status_update",
                Event = "APPROVED",
                TemplateId = "1689556908129832",
                TemplateName = "order_confirmation",
                TemplateLanguage = "pt_BR",
                Reason = "NONE",
            },
            evt.Account);
        Assert.Equal(WabaId, evt.PageId);
        Assert.Equal(IdType.WabaId, evt.PageIdType);
        Assert.Equal(1763715000, evt.Timestamp);
        Assert.Equal("message_template_status_update", evt.Raw.Parse().GetProperty("field").GetString());
        Assert.Null(evt.UserId);
    }

    [Fact]
    public void Normalize_AccountUpdate_EmitsAccountUpdatedAndUserPreferencesAnOptOutOfTheNumber()
    {
        // Act
        var events = WhatsAppExpect.Events("account-and-errors");

        // Assert
        Assert.Equal(new AccountPart { Field = "account_update", Event = "VERIFIED_ACCOUNT", DisplayPhoneNumber = "15550783881" }, events[2].Account);
        Assert.Equal((WabaId, IdType.WabaId), (events[2].PageId, events[2].PageIdType));
        // A marketing stop is the customer's opt-out, of the number the change names (metadata.phone_number_id), not of the WABA.
        Assert.Equal(EventName.OptoutReceived, events[3].Event);
        Assert.Equal(new OptinPart { Type = "marketing_messages" }, events[3].Optout);
        Assert.Equal((WhatsAppExpect.PhoneNumberId, IdType.PhoneNumberId), (events[3].PageId, events[3].PageIdType));
        Assert.Equal(("5511987654321", IdType.WaId), (events[3].UserId, events[3].UserIdType));
    }

    [Fact]
    public void Normalize_ChangeWithoutValueOrField_EmitsUnknownReceived()
    {
        // Act
        var events = WhatsAppExpect.Events("account-and-errors");

        // Assert
        Assert.Equal(7, events.Count);
        Assert.Equal(EventName.UnknownReceived, events[4].Event);
        Assert.Equal("messages", events[4].Raw.Parse().GetProperty("field").GetString());
        Assert.Equal(EventName.UnknownReceived, events[5].Event);
        Assert.Equal("SOMETHING", events[5].Raw.Parse().GetProperty("value").GetProperty("event").GetString());
        Assert.All(events.Skip(4).Take(2), e => Assert.Equal((WabaId, IdType.WabaId), (e.PageId, e.PageIdType)));
    }

    [Fact]
    public void Normalize_EntryWithoutChanges_EmitsUnknownReceivedWithTheEntry()
    {
        // Act
        var evt = WhatsAppExpect.Events("account-and-errors")[6];

        // Assert
        Assert.Equal(EventName.UnknownReceived, evt.Event);
        Assert.Equal(WabaId, evt.PageId);
        Assert.Equal(IdType.WabaId, evt.PageIdType);
        Assert.Equal(1763715001, evt.Timestamp);
        Assert.False(evt.Raw.Parse().TryGetProperty("changes", out _));
        Assert.Equal(WabaId, evt.Raw.Parse().GetProperty("id").GetString());
    }

    [Fact]
    public void Normalize_SeveralEntriesAndChanges_KeepsPayloadOrderMessagesThenStatusesThenErrors()
    {
        // Act
        var events = WhatsAppExpect.Events("batch-order");

        // Assert
        Assert.Equal(
            [
                (EventName.MessageReceived, "wamid.ORDER-M1"),
                (EventName.MessageReceived, "wamid.ORDER-M2"),
                (EventName.MessageDelivered, "wamid.ORDER-S1"),
                (EventName.ErrorReceived, null),
                (EventName.MessageSent, "wamid.ORDER-S2"),
                (EventName.MessageRead, "wamid.ORDER-S3"),
                (EventName.MessageReceived, "wamid.ORDER-M3"),
                (EventName.MessageReceived, "wamid.ORDER-M1"),
            ],
            events.Select(e => (e.Event, e.Message?.Id ?? e.Status?.MessageId)).ToList());
        Assert.Equal("106540352242923", events[4].PageId);
        Assert.Equal("106540352242923", events[4].From);
    }

    [Fact]
    public void Normalize_RedeliveredMessage_GetsTheSameId()
    {
        // Act
        var events = WhatsAppExpect.Events("batch-order");

        // Assert
        WhatsAppExpect.Inbound(events[0], EventName.MessageReceived, "message:wamid.ORDER-M1", "5511987654321", IdType.WaId, 1763716001);
        WhatsAppExpect.Inbound(events[7], EventName.MessageReceived, "message:wamid.ORDER-M1", "5511987654321", IdType.WaId, 1763716001);
        Assert.Equal(events[0].Id, events[7].Id);
        Assert.Equal(events[0].ConversationId, events[1].ConversationId);
    }

    [Fact]
    public void Normalize_IdsBeyond2Pow53AsJsonNumbers_KeepsEveryDigit()
    {
        // Arrange
        const string phoneNumberId = "10654035224292212345";
        const string user = "447700900123456789012";

        // Act
        var evt = WhatsAppExpect.Events("batch-order")[6];

        // Assert
        WhatsAppExpect.Inbound(evt, EventName.MessageReceived, "message:wamid.ORDER-M3", user, IdType.WaId, 1763716006, phoneNumberId);
        Assert.Equal(new ContactPart { WaId = user, Name = "Eve" }, evt.Contact);
        var order = evt.Message!.Order!;
        Assert.Equal("98390247561029384756", order.CatalogId);
        var item = Assert.Single(order.ProductItems!);
        Assert.Equal(("12345678901234567890123", "3", "1234567.8900", "GBP"), (item.ProductRetailerId, item.Quantity, item.ItemPrice, item.Currency));
        Assert.Equal("447700900123", evt.Message.ReplyTo?.From);
    }

    [Fact]
    public void Normalize_MalformedValues_NeverThrowsAndKeepsEveryItem()
    {
        // Act
        var outcome = TestNormalizer.Run(Fixture.Load("whatsapp", "malformed"));

        // Assert
        Assert.Null(outcome.Error);
        var events = outcome.Events;
        Assert.Equal(
            [
                EventName.UnknownReceived,  // messages[0] is a string
                EventName.UnknownReceived,  // no id
                EventName.MessageReceived,  // text is a string, timestamp is not a number
                EventName.MessageReceived,  // image is an array
                EventName.UnknownReceived,  // reaction is a string
                EventName.MessageReceived,  // no sender
                EventName.MessageReceived,  // no type
                EventName.MessageReceived,  // order items not an array, errors a string
                EventName.MessageReceived,  // button_reply is a string
                EventName.UnknownReceived,  // statuses[0] is a number
                EventName.UnknownReceived,  // no status
                EventName.MessageDelivered, // pricing, conversation and errors of the wrong type
                EventName.UnknownReceived,  // empty messages and statuses
                EventName.UnknownReceived,  // no metadata
                EventName.UnknownReceived,  // messages is an object
                EventName.UnknownReceived,  // field is a number
                EventName.UnknownReceived,  // change is a string
                EventName.UnknownReceived,  // changes is an object
            ],
            events.Select(e => e.Event).ToList());
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());

        var text = events[2];
        Assert.Equal(("text", null), (text.Message!.Type, text.Message.Body));
        Assert.Equal(TestNormalizer.ReceivedAt.ToUnixTimeSeconds(), text.Timestamp);
        Assert.Null(events[3].Message!.Attachments);
        var anonymous = events[5];
        Assert.Null(anonymous.From);
        Assert.Null(anonymous.UserId);
        Assert.Null(anonymous.ConversationId);
        Assert.Null(anonymous.Message!.Forwarded);
        Assert.Equal("who am I", anonymous.Message.Body);
        Assert.Equal("unknown", events[6].Message!.Type);
        Assert.Equal(("order", null, null), (events[7].Message!.Type, events[7].Message!.Order!.ProductItems, events[7].Message!.Errors));
        Assert.Equal(new InteractivePart { Type = "button_reply" }, events[8].Message!.Interactive);
        var delivered = events[11].Status!;
        Assert.Equal((null, null, null, null), (delivered.PricingModel, delivered.ConversationId, delivered.Billable, delivered.Errors));
        Assert.Equal("5511987654321", events[11].UserId);
    }

    // Change-level errors carry no id of their own: the key is the hash of the errors array's bytes as Meta sent them
    // (the fixture spans lines; raw holds them compacted, so the key is taken from the body).
    private static string ErrorsKey(string fixture)
    {
        using var body = System.Text.Json.JsonDocument.Parse(Fixture.Load("whatsapp", fixture));
        var value = body.RootElement.GetProperty("entry")[0].GetProperty("changes")[0].GetProperty("value");
        return "errors:" + ContentKey.Of(value.GetProperty("errors"));
    }
}
