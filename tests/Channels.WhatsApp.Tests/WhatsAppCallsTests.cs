using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Channels.WhatsApp.Tests;

/// <summary>
/// Business Calling API <c>calls</c> webhooks (calls.json): the connect, status and terminate bodies of Meta's user- and
/// business-initiated calls pages, and a terminate body logged from a live number (Fixtures/whatsapp/SOURCES.md).
/// </summary>
public sealed class WhatsAppCallsTests
{
    private const string Number = "436666719526789";
    private const string LiveNumber = "518638374672395";
    private const string UserCall = "wacid.ABGGFjFVU2AfAgo6V-Hc5eCgK5Gh";
    private const string BusinessCall = "wacid.HBgLMTIxODU1NTI4MjgVAgARGCAyODRQIAFRoA";
    private const string LiveCall = "wacid.HBgMOTE3MzU4NTgwMTgwFQIAEhggQUNEODk3OUQ3NzI4MjZBRTZFNEE2MzU3NDEzNDg4RUUcGAsxNTU1MTQ0MTkwNhUCABUKAA==";

    private static IReadOnlyList<NormalizedEvent> Events() => WhatsAppExpect.Events("calls");

    [Fact]
    public void Normalize_CallBodies_NameEveryItem()
    {
        // Act
        var events = Events();

        // Assert
        Assert.Equal(
            [
                EventName.CallConnected, EventName.CallConnected, EventName.CallStatus, EventName.CallTerminated,
                EventName.CallTerminated, EventName.ErrorReceived,
            ],
            events.Select(e => e.Event));
    }

    [Fact]
    public void Normalize_ConnectWithoutDirection_TheCustomerIsTheSideThatIsNotTheBusinessNumber()
    {
        // Act
        var evt = Events()[0];

        // Assert: the page's own example names the business display number (13175551399) as from.
        WhatsAppExpect.Outbound(evt, EventName.CallConnected, $"call:{UserCall}:connect", "16315553601", IdType.WaId, 1671644824, Number);
        Assert.Equal(new CallPart { Id = UserCall, SdpType = "offer" }, evt.Call);
    }

    [Fact]
    public void Normalize_BusinessInitiatedConnect_RunsFromTheNumberToTheCustomerWithTheSdpAnswerAndCallbackData()
    {
        // Act
        var evt = Events()[1];

        // Assert
        WhatsAppExpect.Outbound(evt, EventName.CallConnected, $"call:{BusinessCall}:connect", "12185552828", IdType.WaId, 1749196895, Number);
        Assert.Equal(
            new CallPart { Id = BusinessCall, Direction = "BUSINESS_INITIATED", SdpType = "answer", BizOpaqueCallbackData = "TRx334DUDFTI4Mj" },
            evt.Call);
    }

    [Fact]
    public void Normalize_CallStatus_IsTheBusinessCallsProgressInTheSameConversation()
    {
        // Act
        var events = Events();
        var evt = events[2];

        // Assert
        WhatsAppExpect.Outbound(evt, EventName.CallStatus, $"call-status:{BusinessCall}:RINGING", "12185552828", IdType.WaId, 1749197000, Number);
        Assert.Equal(new CallPart { Id = BusinessCall, Direction = "BUSINESS_INITIATED", Status = "RINGING" }, evt.Call);
        Assert.Equal(events[1].ConversationId, evt.ConversationId);
    }

    [Fact]
    public void Normalize_Terminate_KeepsStatusStartEndAndDuration()
    {
        // Act
        var events = Events();
        var evt = events[3];

        // Assert: the same call and customer as its connect; the direction as Meta sent it.
        WhatsAppExpect.Outbound(evt, EventName.CallTerminated, $"call:{UserCall}:terminate", "16315553601", IdType.WaId, 1749197480, Number);
        Assert.Equal(
            new CallPart
            {
                Id = UserCall, Direction = "USER_INITIATED", Status = "COMPLETED", StartTime = 1671644824, EndTime = 1671644944, Duration = 480,
            },
            evt.Call);
        Assert.Equal(events[0].ConversationId, evt.ConversationId);
    }

    [Fact]
    public void Normalize_LiveFailedTerminate_RunsFromTheCallingCustomerWithItsErrors()
    {
        // Act
        var evt = Events()[4];

        // Assert
        WhatsAppExpect.Inbound(evt, EventName.CallTerminated, $"call:{LiveCall}:terminate", "917358580180", IdType.WaId, 1760681533, LiveNumber);
        Assert.Equal((LiveCall, "USER_INITIATED", "FAILED"), (evt.Call!.Id, evt.Call.Direction, evt.Call.Status));
        Assert.Equal((1760681513L, 1760681533L, 20L), (evt.Call.StartTime, evt.Call.EndTime, evt.Call.Duration));
        Assert.Equal("138021", Assert.Single(evt.Call.Errors!).Code);
        Assert.Equal(("917358580180", "917358580180"), (evt.Contact!.WaId, evt.Contact.Name));
    }

    [Fact]
    public void Normalize_ChangeLevelErrorsBesideACall_AreAnErrorOfTheNumber()
    {
        // Act
        var evt = Events()[5];

        // Assert
        Assert.Equal((LiveNumber, IdType.PhoneNumberId), (evt.PageId, evt.PageIdType));
        Assert.Equal("138021", Assert.Single(evt.Errors!).Code);
    }
}
