using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Channels.WhatsApp.Tests;

public sealed class WhatsAppStatusesTests
{
    private const string Ana = "5511987654321";
    private const string Sent = "wamid.HBgNNTUxMTk4NzY1NDMyMRUCABEYEjlCMkE0RjY2MkYxQjVBNzZBRAA=";

    [Fact]
    public void Normalize_SentStatus_FillsEveryStatusField()
    {
        // Act
        var evt = WhatsAppExpect.Events("statuses")[0];

        // Assert
        WhatsAppExpect.Outbound(evt, EventName.MessageSent, $"status:{Sent}:sent", Ana, IdType.WaId, 1763712400);
        Assert.Equal(
            new StatusPart
            {
                MessageId = Sent,
                Status = "sent",
                RecipientId = Ana,
                RecipientUserId = "BR.1188000000000000777",
                BizOpaqueCallbackData = "order-4471/confirmation",
                ConversationId = "3f9c8a7b6e5d4c3b2a1f0e9d8c7b6a59",
                ConversationOrigin = "free_entry_point",
                PricingCategory = "service",
                PricingModel = "PMP",
                PricingType = "free_entry_point",
                Billable = false,
            },
            evt.Status);
        Assert.Equal(new ContactPart { WaId = Ana, UserId = "BR.1188000000000000777", Name = "Ana Souza" }, evt.Contact);
        Assert.Null(evt.Message);
        Assert.Equal("sent", evt.Raw.Parse().GetProperty("status").GetString());
    }

    [Fact]
    public void Normalize_DeliveredAndRead_HaveDistinctIdsForTheSameMessage()
    {
        // Act
        var events = WhatsAppExpect.Events("statuses");

        // Assert
        var delivered = events[1];
        var read = events[2];
        WhatsAppExpect.Outbound(delivered, EventName.MessageDelivered, $"status:{Sent}:delivered", Ana, IdType.WaId, 1763712402);
        WhatsAppExpect.Outbound(read, EventName.MessageRead, $"status:{Sent}:read", Ana, IdType.WaId, 1763712460);
        Assert.Equal((true, "regular", "utility"), (delivered.Status!.Billable, delivered.Status.PricingType, delivered.Status.PricingCategory));
        Assert.Equal(Sent, read.Status!.MessageId);
        Assert.Null(read.Status.Billable);
        Assert.Equal(new ContactPart { WaId = Ana }, read.Contact);
        Assert.NotEqual(events[0].Id, delivered.Id);
        Assert.NotEqual(delivered.Id, read.Id);
    }

    [Fact]
    public void Normalize_FailedStatus_KeepsErrors()
    {
        // Arrange
        const string wamid = "wamid.HBgNNTUyMTk5ODc2NTQzMhUCABEYEkY0NEQ4MUFCQzAxMjM0NTY3OAA=";

        // Act
        var evt = WhatsAppExpect.Events("statuses")[3];

        // Assert
        WhatsAppExpect.Outbound(evt, EventName.MessageFailed, $"status:{wamid}:failed", "5521998765432", IdType.WaId, 1763712461);
        var error = Assert.Single(evt.Status!.Errors!);
        Assert.Equal(
            new MetaErrorPart
            {
                Code = "131047",
                Title = "Re-engagement message",
                Message = "Re-engagement message",
                Details = "More than 24 hours have passed since the recipient last replied to the sender number.",
                Href = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
            },
            error);
        Assert.Equal("failed", evt.Status.Status);
    }

    [Fact]
    public void Normalize_PlayedStatus_EmitsMessagePlayed()
    {
        // Act
        var evt = WhatsAppExpect.Events("statuses")[4];

        // Assert
        WhatsAppExpect.Outbound(evt, EventName.MessagePlayed,
            "status:wamid.HBgNNTUxMTk4NzY1NDMyMRUCABEYEkFVRElPVk9JQ0UwMDAwMDAwMQA=:played", Ana, IdType.WaId, 1763712470);
        Assert.Equal("played", evt.Status!.Status);
    }

    [Fact]
    public void Normalize_UnknownStatusValue_EmitsUnknownReceivedWithTheStatus()
    {
        // Act
        var evt = WhatsAppExpect.Events("statuses")[5];

        // Assert
        Assert.Equal(EventName.UnknownReceived, evt.Event);
        Assert.Equal(WhatsAppExpect.PhoneNumberId, evt.PageId);
        Assert.Equal(IdType.PhoneNumberId, evt.PageIdType);
        Assert.Equal(1763712480, evt.Timestamp);
        Assert.Equal("deleted", evt.Raw.Parse().GetProperty("status").GetString());
        Assert.Null(evt.Status);
    }
}
