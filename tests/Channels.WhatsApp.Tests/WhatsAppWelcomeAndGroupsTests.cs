using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Channels.WhatsApp.Tests;

/// <summary>
/// A customer's first chat (<c>request_welcome</c>) and a Groups API message (welcome-and-groups.json; Meta's welcome message
/// and group messages webhook references, Fixtures/whatsapp/SOURCES.md).
/// </summary>
public sealed class WhatsAppWelcomeAndGroupsTests
{
    private const string Customer = "16505551234";

    [Fact]
    public void Normalize_RequestWelcome_IsConversationStartedByTheCustomer()
    {
        // Act
        var evt = WhatsAppExpect.Events("welcome-and-groups")[0];

        // Assert
        const string wamid = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=";
        WhatsAppExpect.Inbound(evt, EventName.ConversationStarted, "welcome:" + wamid, Customer, IdType.WaId, 1739321024);
        Assert.Equal(new MessagePart { Id = wamid, Type = "request_welcome", IsEcho = false }, evt.Message);
        Assert.Equal("Sheena Nelson", evt.Contact!.Name);
    }

    [Fact]
    public void Normalize_GroupMessage_KeepsTheGroupBesideTheSender()
    {
        // Act
        var evt = WhatsAppExpect.Events("welcome-and-groups")[1];

        // Assert
        const string wamid = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAB=";
        WhatsAppExpect.Inbound(evt, EventName.MessageReceived, "message:" + wamid, Customer, IdType.WaId, 1739321025);
        Assert.Equal("Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD", evt.Message!.GroupId);
        Assert.Equal("What do you all think about this?", evt.Message.Body);
    }

    [Fact]
    public void Normalize_GroupStatuses_AreAboutTheParticipant_WithTheGroupBeside()
    {
        // Act: a delivered status naming recipient_participant_id, a read one participant_recipient_id (both published).
        var events = WhatsAppExpect.Events("group-statuses");

        // Assert
        const string wamid = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3OEQ2QkE0RjQwQTFGNDQ4RTYA";
        const string group = "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD";
        WhatsAppExpect.Outbound(events[0], EventName.MessageDelivered, $"status:{wamid}:delivered", Customer, IdType.WaId, 1739321030);
        WhatsAppExpect.Outbound(events[1], EventName.MessageRead, $"status:{wamid}:read", "12125557890", IdType.WaId, 1739321090);
        Assert.Equal([group, group], events.Select(e => e.Status!.GroupId));
        Assert.Equal([Customer, "12125557890"], events.Select(e => e.Status!.RecipientId));
        Assert.Equal("group_service", events[0].Status!.PricingCategory);
    }

    [Theory]
    [InlineData("group-statuses")]
    [InlineData("coexistence")]
    [InlineData("user-preferences")]
    [InlineData("calls")]
    [InlineData("welcome-and-groups")]
    [InlineData("account-changes")]
    public void Normalize_PublishedBodiesOfEverySubscribedField_NeverUnknown(string fixture) =>
        Assert.DoesNotContain(WhatsAppExpect.Events(fixture), e => e.Event == EventName.UnknownReceived);
}
