using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;
using Normalizer.Testing;

namespace Normalizer.Channels.Messenger.Tests;

// Account linking, policy enforcement and handover roles, from the bodies of Meta's webhook references and restfb's
// fixtures (Fixtures/messenger/SOURCES.md).
public sealed class MessengerPageEventsTests
{
    private const string Page = "104523987765432";
    private const string Psid = "7723419865501234";
    private const Platform Fb = Platform.Facebook;
    private const string PolicyReason = "The bot violated our Platform Policies (https://developers.facebook.com/devpolicy/#messengerplatform). " +
        "Common violations include sending out excessive spammy messages or being non-functional.";

    [Fact]
    public void Normalize_AccountLinking_LinkedCarriesTheAuthorizationCodeAndUnlinkedNone()
    {
        // Arrange
        var body = Fixture.Load("messenger", "account-linking");
        var items = WebhookItems.Of(body);

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal(3, sut.Count);
        EventAssert.Inbound(sut[0], Fb, EventName.AccountLinked, Page, Psid, 1458692752478);
        Assert.Equal(new AccountLinkingPart { Status = "linked", AuthorizationCode = "PASS_THROUGH_AUTHORIZATION_CODE" }, sut[0].AccountLinking);
        EventAssert.Inbound(sut[1], Fb, EventName.AccountUnlinked, Page, Psid, 1458692752479);
        Assert.Equal(new AccountLinkingPart { Status = "unlinked" }, sut[1].AccountLinking);
        Assert.Equal(sut[0].ConversationId, sut[1].ConversationId);
        for (var i = 0; i < sut.Count; i++)
        {
            EventAssert.RawIs(items[i], sut[i]);
        }
    }

    [Fact]
    public void Normalize_AccountLinkingWithNumericIdsAndNoTimestamp_KeepsTheDigitsAndTakesTheEntryTime()
    {
        // Arrange: restfb's fixture sends the ids as JSON numbers and the item without a timestamp.
        var body = Fixture.Load("messenger", "account-linking");

        // Act
        var sut = TestNormalizer.Events(body)[2];

        // Assert
        EventAssert.Inbound(sut, Fb, EventName.AccountLinked, "12345654332", "987654321432", 1458668856451);
        Assert.Null(sut.TimestampSource);
        Assert.Equal("PASS_THROUGH_AUTHORIZATION_CODE", sut.AccountLinking!.AuthorizationCode);
    }

    [Fact]
    public void AccountLinkingPart_ToString_MasksTheAuthorizationCode()
    {
        // Arrange
        var body = Fixture.Load("messenger", "account-linking");
        var sut = TestNormalizer.Events(body)[0];

        // Act
        var text = sut.ToString();

        // Assert
        Assert.Contains("Status = linked", text, StringComparison.Ordinal);
        Assert.Contains("AuthorizationCode = ***", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PASS_THROUGH_AUTHORIZATION_CODE", sut.AccountLinking!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_AccountLinkingOfAnUnknownStatus_IsUnknown()
    {
        // Arrange
        var body = """
            {"object":"page","entry":[{"id":"104523987765432","time":1458692752478,"messaging":[
             {"sender":{"id":"7723419865501234"},"recipient":{"id":"104523987765432"},"timestamp":1458692752478,
              "account_linking":{"status":"pending"}}]}]}
            """u8.ToArray();

        // Act
        var sut = Assert.Single(TestNormalizer.Events(body));

        // Assert
        Assert.Equal(EventName.UnknownReceived, sut.Event);
        Assert.Null(sut.AccountLinking);
    }

    [Fact]
    public void Normalize_PolicyEnforcement_IsAPageEventWithActionAndReason()
    {
        // Arrange
        var body = Fixture.Load("messenger", "policy-enforcement");
        var items = WebhookItems.Of(body);

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal(4, sut.Count);
        Assert.All(sut, e => Assert.Equal(EventName.PolicyEnforced, e.Event));
        Assert.Equal(new PolicyPart { Action = "block", Reason = PolicyReason }, sut[0].Policy);
        Assert.Equal(new PolicyPart { Action = "warning", Reason = PolicyReason }, sut[1].Policy);
        Assert.Equal(new PolicyPart { Action = "unblock" }, sut[2].Policy);
        Assert.Equal("unblock", sut[3].Policy!.Action);
        Assert.Equal("12345654332", sut[3].PageId);
        for (var i = 0; i < sut.Count; i++)
        {
            PageLevel(sut[i], i < 3 ? Page : "12345654332");
            EventAssert.RawIs(items[i], sut[i]);
        }

        Assert.Equal(1458692752, sut[0].Timestamp);
        Assert.Equal(1458692752478, sut[0].TimestampMs);
        Assert.Null(sut[0].Account);
    }

    [Fact]
    public void Normalize_AppRoles_IsAPageEventWithEachAppsRoles()
    {
        // Arrange
        var body = Fixture.Load("messenger", "handover-roles");

        // Act
        var sut = TestNormalizer.Events(body)[0];

        // Assert
        Assert.Equal(EventName.HandoverRolesChanged, sut.Event);
        PageLevel(sut, Page);
        Assert.Equal("app_roles", sut.Handover!.Action);
        var roles = Assert.Single(sut.Handover.AppRoles!);
        Assert.Equal("123456789", roles.Key);
        Assert.Equal(["primary_receiver"], roles.Value);
        Assert.Equal(1458692752478, sut.TimestampMs);
    }

    [Fact]
    public void Normalize_RequestAndPassThreadControlFromTheReference_AreHandoverEventsOfTheUser()
    {
        // Arrange
        var body = Fixture.Load("messenger", "handover-roles");

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        EventAssert.Inbound(sut[1], Fb, EventName.HandoverRequested, Page, Psid, 1458692752479);
        Assert.Equal(new HandoverPart
        {
            Action = "request_thread_control", RequestedOwnerAppId = "123456789", Metadata = "additional content that the caller wants to set",
        }, sut[1].Handover);
        EventAssert.Inbound(sut[2], Fb, EventName.HandoverPassed, Page, Psid, 1458692752480);
        Assert.Equal(new HandoverPart
        {
            Action = "pass_thread_control", NewOwnerAppId = "123456789", Metadata = "Additional content that the caller wants to set",
        }, sut[2].Handover);
    }

    [Fact]
    public void StoredEvent_ReadBack_KeepsAppRolesPolicyAndLinking()
    {
        // Arrange: the store writes events with the source-generated context and reads them back the same way.
        var events = new[] { "handover-roles", "policy-enforcement", "account-linking" }
            .Select(f => TestNormalizer.Events(Fixture.Load("messenger", f))[0]).ToList();

        // Act
        var sut = events.Select(e => JsonSerializer.Deserialize(JsonSerializer.Serialize(e, NormalizerJsonContext.Default.NormalizedEvent),
            NormalizerJsonContext.Default.NormalizedEvent)!).ToList();

        // Assert
        Assert.Equal(["primary_receiver"], sut[0].Handover!.AppRoles!["123456789"]);
        Assert.Equal(events[1].Policy, sut[1].Policy);
        Assert.Equal(events[2].AccountLinking, sut[2].AccountLinking);
        Assert.Equal("PASS_THROUGH_AUTHORIZATION_CODE", sut[2].AccountLinking!.AuthorizationCode);
    }

    [Theory]
    [InlineData("account-linking")]
    [InlineData("policy-enforcement")]
    [InlineData("handover-roles")]
    [InlineData("feed")]
    [InlineData("feed-legacy")]
    public void Normalize_PublishedBodies_NameEveryItem(string fixture)
    {
        // Arrange
        var body = Fixture.Load("messenger", fixture);

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal(WebhookItems.Of(body).Count, sut.Count);
        Assert.DoesNotContain(sut, e => e.Event is EventName.UnknownReceived or EventName.AccountUpdated);
    }

    // An update about the Page: the Page is the recipient, no person is involved.
    private static void PageLevel(NormalizedEvent evt, string page)
    {
        Assert.Equal(Fb, evt.Platform);
        Assert.Matches("^evt_[0-9a-f]{32}$", evt.Id);
        Assert.Equal(page, evt.PageId);
        Assert.Equal(IdType.PageId, evt.PageIdType);
        Assert.Equal(page, evt.To);
        Assert.Equal(IdType.PageId, evt.ToType);
        Assert.Null(evt.From);
        Assert.Null(evt.FromType);
        Assert.Null(evt.UserId);
        Assert.Null(evt.UserIdType);
        Assert.Null(evt.ConversationId);
        Assert.False(evt.Standby);
    }
}
