using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Channels.MessengerPlatform.Tests;

public sealed class MessagingPageItemsTests
{
    private const string Page = "104523987765432";
    private static readonly MessagingParser Parser = new(Platform.Facebook, IdType.PageId, IdType.Psid);

    [Fact]
    public void Parse_AppRolesOfSeveralApps_KeepsEachAppsRolesAndSkipsOtherValues()
    {
        // Arrange
        var item = """
            {"recipient":{"id":"104523987765432"},"timestamp":1458692752478,
             "app_roles":{"123456789":["primary_receiver"],"987654321":["secondary_receiver",7],"555":"primary_receiver"}}
            """u8.ToArray();

        // Act
        var sut = Parse(item);

        // Assert
        Assert.Equal(EventName.HandoverRolesChanged, sut.Event);
        Assert.Equal(["123456789", "987654321", "555"], sut.Handover!.AppRoles!.Keys);
        Assert.Equal(["primary_receiver"], sut.Handover.AppRoles["123456789"]);
        Assert.Equal(["secondary_receiver", "7"], sut.Handover.AppRoles["987654321"]);
        Assert.Empty(sut.Handover.AppRoles["555"]);
        Assert.Null(sut.UserId);
    }

    [Fact]
    public void Parse_PageLevelItemWithASender_StillNamesNoUser()
    {
        // Arrange: a policy enforcement is about the Page even if a sender came along.
        var item = """
            {"sender":{"id":"7723419865501234"},"recipient":{"id":"104523987765432"},"timestamp":1458692752478,
             "policy_enforcement":{"action":"warning","reason":"spam"}}
            """u8.ToArray();

        // Act
        var sut = Parse(item);

        // Assert
        Assert.Equal(EventName.PolicyEnforced, sut.Event);
        Assert.Equal(new PolicyPart { Action = "warning", Reason = "spam" }, sut.Policy);
        Assert.Null(sut.UserId);
        Assert.Null(sut.UserIdType);
        Assert.Null(sut.ConversationId);
    }

    [Fact]
    public void Parse_PolicyEnforcementWithoutAction_IsUnknown()
    {
        // Arrange
        var item = """{"recipient":{"id":"104523987765432"},"timestamp":1458692752478,"policy_enforcement":{"reason":"spam"}}"""u8.ToArray();

        // Act
        var sut = Parse(item);

        // Assert
        Assert.Equal(EventName.UnknownReceived, sut.Event);
        Assert.Null(sut.Policy);
    }

    private static NormalizedEvent Parse(byte[] item)
    {
        var context = new WebhookContext(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero), true) { Body = item };
        var reader = new System.Text.Json.Utf8JsonReader(item);
        reader.Read();
        return Parser.Parse(ref reader, Page, null, standby: false, context);
    }
}
