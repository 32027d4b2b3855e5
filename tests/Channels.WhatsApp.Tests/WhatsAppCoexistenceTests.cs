using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Channels.WhatsApp.Tests;

/// <summary>
/// Coexistence (the WhatsApp Business app and the Cloud API on one number), on the bodies of Meta's smb_message_echoes,
/// history and smb_app_state_sync webhook references (coexistence.json; Fixtures/whatsapp/SOURCES.md).
/// </summary>
public sealed class WhatsAppCoexistenceTests
{
    private const string Customer = "16505551234";
    private const string OtherCustomer = "12125557890";
    private const string EchoWamid = "wamid.HBgLMTY0NjcwNDM1OTUVAgARGBIyNDlBOEI5QUQ4NDc0N0FCNjMA";
    private const string PlaceholderWamid = "wamid.QyNUEHBgLMTY0NjcwNDM1OTUVAgARGBI1Rj3NEYxMzAzMzQ5MkEA";

    private static IReadOnlyList<NormalizedEvent> Events() => WhatsAppExpect.Events("coexistence");

    [Fact]
    public void Normalize_CoexistenceBodies_NameEveryItem()
    {
        // Act
        var events = Events();

        // Assert: one echo, four synced messages, the media of the placeholder, the declined sync, one address book entry.
        Assert.Equal(
            [
                EventName.MessageEcho, EventName.MessageHistory, EventName.MessageHistory, EventName.MessageHistory,
                EventName.MessageHistory, EventName.MessageHistory, EventName.ErrorReceived, EventName.ContactSynced,
            ],
            events.Select(e => e.Event));
    }

    [Fact]
    public void Normalize_SmbMessageEcho_IsTheBusinessAppMessageFromTheNumberToTheCustomer()
    {
        // Act
        var evt = Events()[0];

        // Assert
        WhatsAppExpect.Outbound(evt, EventName.MessageEcho, "echo:" + EchoWamid, Customer, IdType.WaId, 1739321024);
        Assert.Equal(
            new MessagePart { Id = EchoWamid, Type = "text", Body = "Here's the info you requested! https://www.meta.com/quest/quest-3/", IsEcho = true },
            evt.Message);
        Assert.Equal(EchoWamid, evt.Raw.Parse().GetProperty("id").GetString());
    }

    [Fact]
    public void Normalize_HistoryThreads_OneHistoryEventPerMessage_TheBusinessOnesMarkedAsEchoes()
    {
        // Act
        var history = Events().Skip(1).Take(4).ToList();

        // Assert: in a thread the customer is the thread's id; the business's messages run to it, the customer's from it.
        WhatsAppExpect.Outbound(history[0], EventName.MessageHistory, "history:" + EchoWamid, Customer, IdType.WaId, 1739230955);
        WhatsAppExpect.Outbound(history[1], EventName.MessageHistory, "history:" + PlaceholderWamid, Customer, IdType.WaId, 1739230970);
        WhatsAppExpect.Inbound(history[2], EventName.MessageHistory, "history:wamid.N0FCNjMAHBgLMTY0NjcwNDM1OTUVAgARGBIyNDlBOEI5QUQ4NDc0",
            Customer, IdType.WaId, 1739230970);
        WhatsAppExpect.Outbound(history[3], EventName.MessageHistory, "history:wamid.BIyNDlBOEI5N0FCNjMAHBgLMTY0NjcwNDM1OTUVAgARGQUQ4NDc0",
            OtherCustomer, IdType.WaId, 1739230970);
        Assert.Equal([true, true, false, true], history.Select(e => e.Message!.IsEcho));
        Assert.Equal(["text", "media_placeholder", "text", "text"], history.Select(e => e.Message!.Type));
        Assert.Equal("Thanks!", history[2].Message!.Body);
        Assert.Equal(
            [
                new HistoryPart { Phase = 0, ChunkOrder = 1, Progress = 55, Status = "READ" },
                new HistoryPart { Phase = 0, ChunkOrder = 1, Progress = 55, Status = "PLAYED" },
                new HistoryPart { Phase = 0, ChunkOrder = 1, Progress = 55, Status = "READ" },
                new HistoryPart { Phase = 0, ChunkOrder = 1, Progress = 55, Status = "DELIVERED" },
            ],
            history.Select(e => e.History));
    }

    [Fact]
    public void Normalize_EchoAndItsSyncedCopy_AreTwoEvents()
    {
        // Act
        var events = Events();

        // Assert: the live echo and the same message in the history sync share a wamid but neither hides the other.
        Assert.Equal(events[0].Message!.Id, events[1].Message!.Id);
        Assert.NotEqual(events[0].Id, events[1].Id);
    }

    [Fact]
    public void Normalize_HistoryMedia_IsTheCustomersImage_KeyedApartFromItsPlaceholder()
    {
        // Act
        var events = Events();
        var media = events[5];

        // Assert
        WhatsAppExpect.Inbound(media, EventName.MessageHistory, "history-media:" + PlaceholderWamid, Customer, IdType.WaId, 1738796547);
        Assert.NotEqual(events[2].Id, media.Id);
        Assert.Equal(("image", "Black Prince echeveria", false), (media.Message!.Type, media.Message.Body, media.Message.IsEcho));
        var image = Assert.Single(media.Message.Attachments!);
        Assert.Equal(("24230790383178626", "image/jpeg"), (image.MediaId, image.MimeType));
        Assert.Null(media.History);
    }

    [Fact]
    public void Normalize_HistorySharingDeclined_IsAnErrorOfTheNumber()
    {
        // Act
        var evt = Events()[6];

        // Assert
        Assert.Equal(EventName.ErrorReceived, evt.Event);
        Assert.Equal((WhatsAppExpect.PhoneNumberId, IdType.PhoneNumberId), (evt.PageId, evt.PageIdType));
        var error = Assert.Single(evt.Errors!);
        Assert.Equal(("2593109", "History sharing is turned off by the business"), (error.Code, error.Details));
        Assert.Null(evt.UserId);
    }

    [Fact]
    public void Normalize_AppStateSync_IsContactSyncedForTheCustomerWithNoSenderOrRecipient()
    {
        // Act
        var evt = Events()[7];

        // Assert
        Assert.Equal(EventName.ContactSynced, evt.Event);
        Assert.Equal(1739321024, evt.Timestamp);
        Assert.Equal((Customer, IdType.WaId), (evt.UserId, evt.UserIdType));
        Assert.Equal(EventIds.Conversation(Platform.WhatsApp, WhatsAppExpect.PhoneNumberId, Customer), evt.ConversationId);
        Assert.Equal((null, null, null, null), (evt.From, evt.FromType, evt.To, evt.ToType));
        Assert.Equal(
            new ContactSyncPart { Action = "add", PhoneNumber = Customer, FullName = "Pablo Morales", FirstName = "Pablo" },
            evt.ContactSync);
    }
}
