using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Testing;

namespace Normalizer.Channels.Messenger.Tests;

public sealed class MessengerChannelTests
{
    private const string Page = "104523987765432";
    private const string OtherPage = "231198744410002";
    private const string Psid = "7723419865501234";
    private const string OtherPsid = "6541203398761122";
    private const Platform Fb = Platform.Facebook;

    [Fact]
    public void Normalize_TextBatchSample_EmitsOneEventPerItemAcrossPages()
    {
        // Arrange
        var body = Fixture.Sample("messenger-text-batch.json");
        var items = WebhookItems.Of(body);

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal(3, sut.Count);
        EventAssert.Inbound(sut[0], Fb, EventName.MessageReceived, Page, Psid, 1763712000101);
        Assert.Equal("m_Qx7sT1nBv9kLrV0aZcYt2wGdEe3hJkL4mNoPqRsTuVwXyZ0123456789abcdef", sut[0].Message!.Id);
        Assert.Equal("text", sut[0].Message!.Type);
        Assert.Equal("Hi! Is my order #4411 shipped?", sut[0].Message!.Body);
        Assert.False(sut[0].Message!.IsEcho);
        EventAssert.Inbound(sut[1], Fb, EventName.MessageReceived, Page, Psid, 1763712003544);
        Assert.Equal("ORDER_STATUS", sut[1].Message!.QuickReplyPayload);
        Assert.Equal("Order number 4411", sut[1].Message!.Body);
        EventAssert.Inbound(sut[2], Fb, EventName.PostbackReceived, OtherPage, OtherPsid, 1763712000400);
        Assert.Equal(new PostbackPart { Mid = "m_Pb1aC2dE3fG4hI5jK6lM7nO8pQ9rS0tU1vW2xY3zA4bC5dE6fG7hI8jK9lM0n", Title = "Get Started", Payload = "GET_STARTED" }, sut[2].Postback);
        Assert.Equal(sut[0].ConversationId, sut[1].ConversationId);
        Assert.NotEqual(sut[0].ConversationId, sut[2].ConversationId);
        Assert.Equal(3, sut.Select(e => e.Id).Distinct().Count());
        for (var i = 0; i < sut.Count; i++)
        {
            EventAssert.RawIs(items[i], sut[i]);
        }
    }

    [Fact]
    public void Normalize_DeliveryReadSample_EmitsDeliveredThenRead()
    {
        // Arrange
        var body = Fixture.Sample("messenger-delivery-read.json");

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal(2, sut.Count);
        EventAssert.Inbound(sut[0], Fb, EventName.MessageDelivered, Page, Psid, 1763712100150);
        Assert.Equal(1763712100000, sut[0].Delivery!.Watermark);
        Assert.Equal(["m_Dl9zY8xW7vU6tS5rQ4pO3nM2lK1jI0hG9fE8dC7bA6zY5xW4vU3tS2rQ1pO0nM"], sut[0].Delivery!.MessageIds!);
        EventAssert.Inbound(sut[1], Fb, EventName.MessageRead, Page, Psid, 1763712105150);
        Assert.Equal(1763712104000, sut[1].Read!.Watermark);
        Assert.Null(sut[1].Read!.MessageId);
        Assert.Null(sut[1].Delivery);
    }

    [Fact]
    public void Normalize_Echo_FromIsPageAndUserIsCustomer()
    {
        // Arrange
        var body = Fixture.Load("messenger", "echo");
        var items = WebhookItems.Of(body);

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal(2, sut.Count);
        EventAssert.Outbound(sut[0], Fb, EventName.MessageEcho, Page, Psid, 1763770008900);
        var echo = sut[0].Message!;
        Assert.True(echo.IsEcho);
        Assert.Equal("m_EchoA1b2C3d4E5f6G7h8I9j0", echo.Id);
        Assert.Equal("Yes, until 6pm", echo.Body);
        Assert.Equal("263902037430900", echo.AppId);
        Assert.Equal("corr-42", echo.Metadata);
        EventAssert.Outbound(sut[1], Fb, EventName.MessageEcho, Page, Psid, 1763770009500);
        Assert.Equal("17841405726653026", sut[1].Message!.AppId);
        Assert.Equal("template", sut[1].Message!.Type);
        Assert.Equal("template", Assert.Single(sut[1].Message!.Attachments!).Type);
        EventAssert.RawIs(items[0], sut[0]);
        EventAssert.RawIs(items[1], sut[1]);
    }

    [Fact]
    public void Normalize_EchoWithSwappedIds_StillTakesTheCustomerAsUser()
    {
        // Arrange: an older doc example puts the Page in recipient even on echoes (Meta's webhook sender/recipient rules).
        var body = """
            {"object":"page","entry":[{"id":"104523987765432","time":1763770009000,"messaging":[
             {"sender":{"id":"7723419865501234"},"recipient":{"id":"104523987765432"},"timestamp":1763770008900,
              "message":{"is_echo":true,"app_id":263902037430900,"mid":"m_Swapped","text":"hi"}}]}]}
            """u8.ToArray();

        // Act
        var sut = Assert.Single(TestNormalizer.Events(body));

        // Assert
        Assert.Equal(EventName.MessageEcho, sut.Event);
        Assert.Equal(Psid, sut.UserId);
        Assert.Equal(IdType.Psid, sut.FromType);
        Assert.Equal(IdType.PageId, sut.ToType);
    }

    [Theory]
    [InlineData(0, "m_Img001", "image", "image", "https://scontent.xx.fbcdn.net/v/t1.15752-9/img001.jpg", null, null)]
    [InlineData(1, "m_Aud002", "audio", "audio", "https://cdn.fbsbx.com/v/t59.3654-21/aud002.mp4", null, null)]
    [InlineData(2, "m_Vid003", "video", "video", "https://video.xx.fbcdn.net/v/t42.3356-2/vid003.mp4", null, null)]
    [InlineData(3, "m_Fil004", "file", "file", "https://cdn.fbsbx.com/v/t59.2708-21/invoice-4411.pdf", null, null)]
    [InlineData(4, "m_Stk005", "sticker", "image", "https://scontent.xx.fbcdn.net/v/t39.1997-6/thumbsup.png", null, null)]
    [InlineData(5, "m_Stk006", "sticker", "sticker", "https://scontent.xx.fbcdn.net/v/t39.1997-6/heart.png", null, null)]
    [InlineData(6, "m_Rel007", "reel", "reel", "https://www.facebook.com/reel/881234567890123", "881234567890123", null)]
    [InlineData(7, "m_IgR008", "ig_reel", "ig_reel", "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=17873858025351922", "17873858025351922", "New autumn drop")]
    [InlineData(8, "m_IgP009", "ig_post", "ig_post", "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=17897654949593778", "17897654949593778", "Lisbon store opening")]
    [InlineData(9, "m_Shr010", "share", "share", "https://www.facebook.com/104523987765432/posts/555", null, null)]
    [InlineData(10, "m_Fbk011", "fallback", "fallback", "https://shop.example/p/4411", null, "Trail shoe 4411")]
    [InlineData(11, "m_Loc012", "location", "location", "https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.bing.com%2Fmaps", null, "Rua Augusta")]
    public void Normalize_AttachmentMessage_FillsAttachment(int index, string mid, string messageType, string attachmentType, string url, string? mediaId, string? title)
    {
        // Arrange
        var body = Fixture.Load("messenger", "attachments");
        var items = WebhookItems.Of(body);

        // Act
        var sut = TestNormalizer.Events(body)[index];

        // Assert
        EventAssert.Inbound(sut, Fb, EventName.MessageReceived, Page, Psid, items[index].Element.GetProperty("timestamp").GetInt64());
        Assert.Equal(mid, sut.Message!.Id);
        Assert.Equal(messageType, sut.Message.Type);
        var attachment = Assert.Single(sut.Message.Attachments!);
        Assert.Equal(attachmentType, attachment.Type);
        Assert.Equal(url, attachment.Url);
        Assert.Equal(mediaId, attachment.MediaId);
        Assert.Equal(title, attachment.Title);
        EventAssert.RawIs(items[index], sut);
    }

    [Fact]
    public void Normalize_StickerAndLocation_FillStickerIdAndCoordinates()
    {
        // Arrange
        var body = Fixture.Load("messenger", "attachments");

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal("369239263222822", sut[4].Message!.Attachments![0].StickerId);
        Assert.Equal("126362187548578", sut[5].Message!.Attachments![0].StickerId);
        Assert.Equal(new LocationPart { Latitude = 38.7103, Longitude = -9.1368, Name = "Rua Augusta", Url = "https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.bing.com%2Fmaps" }, sut[11].Message!.Location);
        Assert.Null(sut[0].Message!.Location);
        Assert.Equal("https://shop.example/p/4411", sut[10].Message!.Body);
        Assert.Equal(["https://scontent.xx.fbcdn.net/a.jpg", "https://scontent.xx.fbcdn.net/b.jpg"], sut[12].Message!.Attachments!.Select(a => a.Url));
        Assert.Equal("two photos", sut[12].Message!.Body);
        Assert.Equal(13, sut.Count);
        Assert.Equal(13, sut.Select(e => e.Id).Distinct().Count());
        Assert.Single(sut.Select(e => e.ConversationId).Distinct());
    }

    [Fact]
    public void Normalize_QuickReplyAndReplyTo_FillPayloadAndRepliedMid()
    {
        // Arrange
        var body = Fixture.Load("messenger", "quick-reply-reply-to");

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal(3, sut.Count);
        EventAssert.Inbound(sut[0], Fb, EventName.MessageReceived, Page, Psid, 1763772000100);
        Assert.Equal("HOURS", sut[0].Message!.QuickReplyPayload);
        Assert.Equal("Opening hours", sut[0].Message!.Body);
        Assert.Null(sut[0].Message!.ReplyTo);
        EventAssert.Inbound(sut[1], Fb, EventName.MessageReceived, Page, Psid, 1763772000200);
        Assert.Equal(new ReplyToPart { Id = "m_EchoA1b2C3d4E5f6G7h8I9j0" }, sut[1].Message!.ReplyTo);
        Assert.Null(sut[1].Message!.QuickReplyPayload);
        Assert.Equal(new ReplyToPart { Id = "m_QrA1", IsSelfReply = true }, sut[2].Message!.ReplyTo);
    }

    [Fact]
    public void Normalize_DeliveriesAndReads_FillWatermarksWithAndWithoutMids()
    {
        // Arrange
        var body = Fixture.Load("messenger", "delivery-read");
        var items = WebhookItems.Of(body);

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal(4, sut.Count);
        EventAssert.Inbound(sut[0], Fb, EventName.MessageDelivered, Page, Psid, 1763773000100);
        Assert.Equal(new[] { "m_EchoA1b2C3d4E5f6G7h8I9j0", "m_EchoK1l2M3n4O5p6Q7r8S9t0" }, sut[0].Delivery!.MessageIds);
        Assert.Equal(1763773000000, sut[0].Delivery!.Watermark);
        EventAssert.Inbound(sut[1], Fb, EventName.MessageDelivered, Page, Psid, 1763773000200);
        Assert.Null(sut[1].Delivery!.MessageIds);
        Assert.Equal(1763773000150, sut[1].Delivery!.Watermark);
        EventAssert.Inbound(sut[2], Fb, EventName.MessageRead, Page, Psid, 1763773000800);
        Assert.Equal(new ReadPart { Watermark = 1763773000700 }, sut[2].Read);
        EventAssert.Inbound(sut[3], Fb, EventName.MessageRead, OtherPage, OtherPsid, 1763773000950);
        Assert.NotEqual(sut[2].Id, sut[3].Id);
        EventAssert.RawIs(items[1], sut[1]);
    }

    [Fact]
    public void Normalize_ReactionsAndEdits_FillReactionAndEditParts()
    {
        // Arrange
        var body = Fixture.Load("messenger", "reactions-edits");

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal(4, sut.Count);
        EventAssert.Inbound(sut[0], Fb, EventName.MessageReaction, Page, Psid, 1763774000100);
        Assert.Equal(new ReactionPart { MessageId = "m_EchoA1b2C3d4E5f6G7h8I9j0", Action = "react", Reaction = "love", Emoji = "\u2764\uFE0F" }, sut[0].Reaction);
        EventAssert.Inbound(sut[1], Fb, EventName.MessageReaction, Page, Psid, 1763774000200);
        Assert.Equal(new ReactionPart { MessageId = "m_EchoA1b2C3d4E5f6G7h8I9j0", Action = "unreact" }, sut[1].Reaction);
        EventAssert.Inbound(sut[2], Fb, EventName.MessageEdited, Page, Psid, 1763774000300);
        Assert.Equal("m_RtB2", sut[2].Message!.Id);
        Assert.Equal("and on Sunday morning?", sut[2].Message!.Body);
        Assert.Equal(1, sut[2].Message!.EditCount);
        Assert.False(sut[2].Message!.IsEcho);
        Assert.Equal(2, sut[3].Message!.EditCount);
        Assert.NotEqual(sut[2].Id, sut[3].Id);
        Assert.NotEqual(sut[0].Id, sut[1].Id);
    }

    [Fact]
    public void Normalize_PostbackWithReferralAndReferrals_FillReferralParts()
    {
        // Arrange
        var body = Fixture.Load("messenger", "postbacks-referrals");

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal(4, sut.Count);
        EventAssert.Inbound(sut[0], Fb, EventName.PostbackReceived, Page, Psid, 1763775000100);
        Assert.Equal("GET_STARTED", sut[0].Postback!.Payload);
        Assert.Equal("m_PbAd1", sut[0].Postback!.Mid);
        Assert.Equal(new ReferralPart
        {
            Ref = "autumn-sale", AdId = "120208765432100123", Source = "ADS", Type = "OPEN_THREAD",
            AdTitle = "Autumn sale -30%", PhotoUrl = "https://scontent.xx.fbcdn.net/ad.jpg", PostId = "104523987765432_98765",
        }, sut[0].Postback!.Referral);
        EventAssert.Inbound(sut[1], Fb, EventName.ReferralReceived, Page, Psid, 1763775000200);
        Assert.Equal(new ReferralPart { Ref = "order-4411", Source = "SHORTLINK", Type = "OPEN_THREAD" }, sut[1].Referral);
        EventAssert.Inbound(sut[2], Fb, EventName.ReferralReceived, Page, Psid, 1763775000300);
        Assert.Equal("1122334455", sut[2].Referral!.FlowId);
        Assert.Equal("120208765432100999", sut[2].Referral!.AdId);
        EventAssert.Inbound(sut[3], Fb, EventName.MessageReceived, Page, Psid, 1763775000400);
        Assert.Equal("4411", sut[3].Message!.Referral!.ProductId);
        Assert.Equal("ADS", sut[3].Message!.Referral!.Source);
    }

    [Fact]
    public void Normalize_Optins_MapStopToOptoutAndResumeToOptin()
    {
        // Arrange
        var body = Fixture.Load("messenger", "optins");

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal(6, sut.Count);
        EventAssert.Inbound(sut[0], Fb, EventName.OptinReceived, Page, Psid, 1763776000100);
        Assert.Equal(new OptinPart
        {
            Type = "notification_messages", Payload = "weekly-deals", NotificationMessagesToken = "tok_A1",
            TokenExpiryTimestamp = 1771552000000, UserTokenStatus = "NOT_REFRESHED",
            NotificationMessagesTimezone = "Europe/Lisbon", Title = "Weekly deals",
        }, sut[0].Optin);
        Assert.Null(sut[0].Optout);
        EventAssert.Inbound(sut[1], Fb, EventName.OptoutReceived, Page, Psid, 1763776000200);
        Assert.Equal("STOP_NOTIFICATIONS", sut[1].Optout!.NotificationMessagesStatus);
        Assert.Null(sut[1].Optin);
        EventAssert.Inbound(sut[2], Fb, EventName.OptinReceived, Page, Psid, 1763776000300);
        Assert.Equal("RESUME_NOTIFICATIONS", sut[2].Optin!.NotificationMessagesStatus);
        Assert.Equal("checkout-page", sut[3].Optin!.Ref);
        Assert.Equal(4, sut.Take(4).Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void Normalize_OptinWithUserRef_TheUserRefIsTheUserWithItsOwnIdType()
    {
        // Arrange: the checkbox plugin sends no sender, the chat plugin a sender.user_ref (no PSID yet).
        var body = Fixture.Load("messenger", "optins");

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        foreach (var (evt, userRef, reference) in new[] { (sut[4], "ur_5f2c9a7e31", "cart-4411"), (sut[5], "ur_guest_88aa", "chat-plugin") })
        {
            Assert.Equal(EventName.OptinReceived, evt.Event);
            Assert.Equal(userRef, evt.Optin!.UserRef);
            Assert.Equal(reference, evt.Optin.Ref);
            Assert.Equal(userRef, evt.From);
            Assert.Equal(IdType.UserRef, evt.FromType);
            Assert.Equal(userRef, evt.UserId);
            Assert.Equal(IdType.UserRef, evt.UserIdType);
            Assert.Equal(EventIds.Conversation(Fb, Page, userRef), evt.ConversationId);
            Assert.Equal(Page, evt.To);
            Assert.Equal(IdType.PageId, evt.ToType);
            Assert.Equal(Page, evt.PageId);
        }

        Assert.NotEqual(sut[4].Id, sut[5].Id);
        Assert.NotEqual(sut[4].ConversationId, sut[5].ConversationId);
    }

    [Fact]
    public void Normalize_ChatPluginPostbackFromUserRef_IsAPostbackOfThatUserRef()
    {
        // Arrange: a chat plugin guest taps "Get Started" before Messenger gives them a PSID (sender.user_ref only).
        var body = """
            {"object":"page","entry":[{"id":"104523987765432","time":1763712000500,"messaging":[
             {"sender":{"user_ref":"ur_guest_88aa"},"recipient":{"id":"104523987765432"},"timestamp":1763712000400,
              "postback":{"title":"Get Started","payload":"GET_STARTED"}}]}]}
            """u8.ToArray();

        // Act
        var evt = Assert.Single(TestNormalizer.Events(body));

        // Assert
        Assert.Equal(EventName.PostbackReceived, evt.Event);
        Assert.Equal("GET_STARTED", evt.Postback!.Payload);
        Assert.Equal(("ur_guest_88aa", IdType.UserRef), (evt.From, evt.FromType));
        Assert.Equal(("ur_guest_88aa", IdType.UserRef), (evt.UserId, evt.UserIdType));
        Assert.NotNull(evt.ConversationId);
        Assert.Equal(1763712000400, evt.TimestampMs);
    }

    [Theory]
    // Meta sends "timestamp": 0 on real delivery items: the entry's time stands in, and the event says so.
    [InlineData(0, 1763712000500, 1763712000000, 1763712000500, "entry")]
    // Neither the item nor the entry has a plausible time: the delivery watermark does.
    [InlineData(0, 0, 1763712000000, 1763712000000, "watermark")]
    // A time years ahead is no better than none.
    [InlineData(4102444800000, 1763712000500, 1763712000000, 1763712000500, "entry")]
    // The item's own plausible time is used as it is, and nothing is said.
    [InlineData(1763712000300, 1763712000500, 1763712000000, 1763712000300, null)]
    public void Normalize_DeliveryWithAnImplausibleTimestamp_KeepsTheEventWithAFallbackTime(
        long itemTime, long entryTime, long watermark, long expectedMs, string? expectedSource)
    {
        // Arrange
        var body = System.Text.Encoding.UTF8.GetBytes($$$"""
            {"object":"page","entry":[{"id":"104523987765432","time":{{{entryTime}}},"messaging":[
             {"sender":{"id":"7723419865501234"},"recipient":{"id":"104523987765432"},"timestamp":{{{itemTime}}},
              "delivery":{"mids":["m_abc"],"watermark":{{{watermark}}}}}]}]}
            """);

        // Act
        var evt = Assert.Single(TestNormalizer.Events(body));

        // Assert
        Assert.Equal(EventName.MessageDelivered, evt.Event);
        Assert.Equal(["m_abc"], evt.Delivery!.MessageIds!);
        Assert.Equal(expectedMs, evt.TimestampMs);
        Assert.Equal(expectedMs / 1000, evt.Timestamp);
        Assert.Equal(expectedSource, evt.TimestampSource);
    }

    [Fact]
    public void Normalize_NoPlausibleTimeAnywhere_UsesTheReceiveTime()
    {
        // Arrange: a message whose item and entry both say 0.
        var body = """
            {"object":"page","entry":[{"id":"104523987765432","time":0,"messaging":[
             {"sender":{"id":"7723419865501234"},"recipient":{"id":"104523987765432"},"timestamp":0,"message":{"mid":"m_zero","text":"hi"}}]}]}
            """u8.ToArray();

        // Act
        var evt = Assert.Single(TestNormalizer.Events(body));

        // Assert
        Assert.Equal("m_zero", evt.Message!.Id);
        Assert.Equal(TestNormalizer.ReceivedAt.ToUnixTimeMilliseconds(), evt.TimestampMs);
        Assert.Equal(TestNormalizer.ReceivedAt.ToUnixTimeSeconds(), evt.Timestamp);
        Assert.Equal("received_at", evt.TimestampSource);
    }

    [Fact]
    public void Normalize_Handovers_EmitPassedTakenRequested()
    {
        // Arrange
        var body = Fixture.Load("messenger", "handovers");

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal(3, sut.Count);
        EventAssert.Inbound(sut[0], Fb, EventName.HandoverPassed, Page, Psid, 1763777000100);
        Assert.Equal(new HandoverPart { Action = "pass_thread_control", NewOwnerAppId = "1517776481860111", Metadata = "bot-to-agent" }, sut[0].Handover);
        EventAssert.Inbound(sut[1], Fb, EventName.HandoverTaken, Page, Psid, 1763777000200);
        Assert.Equal(new HandoverPart { Action = "take_thread_control", PreviousOwnerAppId = "1517776481860111", NewOwnerAppId = "263902037430900", Metadata = "agent-done" }, sut[1].Handover);
        EventAssert.Inbound(sut[2], Fb, EventName.HandoverRequested, Page, Psid, 1763777000300);
        Assert.Equal(new HandoverPart { Action = "request_thread_control", RequestedOwnerAppId = "1517776481860111", Metadata = "needs a human" }, sut[2].Handover);
    }

    [Fact]
    public void Normalize_StandbyItems_AreMarkedStandbyAfterTheMessagingItems()
    {
        // Arrange
        var body = Fixture.Load("messenger", "standby");
        var items = WebhookItems.Of(body);

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal(5, sut.Count);
        EventAssert.Inbound(sut[0], Fb, EventName.MessageReceived, Page, Psid, 1763778000050, standby: false);
        EventAssert.Inbound(sut[1], Fb, EventName.MessageReceived, Page, Psid, 1763778000100, standby: true);
        Assert.Equal("hello?", sut[1].Message!.Body);
        EventAssert.Inbound(sut[2], Fb, EventName.PostbackReceived, Page, Psid, 1763778000200, standby: true);
        Assert.Equal(new PostbackPart { Title = "Talk to a person" }, sut[2].Postback);
        EventAssert.Outbound(sut[3], Fb, EventName.MessageEcho, Page, Psid, 1763778000300, standby: true);
        EventAssert.Inbound(sut[4], Fb, EventName.MessageRead, Page, Psid, 1763778000400, standby: true);
        for (var i = 0; i < sut.Count; i++)
        {
            EventAssert.RawIs(items[i], sut[i]);
        }
    }

    [Fact]
    public void Normalize_UnknownItems_EmitUnknownWithRawAndKeepTheRest()
    {
        // Arrange
        var body = Fixture.Load("messenger", "unknown");
        var items = WebhookItems.Of(body);

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal([EventName.UnknownReceived, EventName.HandoverRolesChanged, EventName.MessageReceived, EventName.CommentReceived,
            EventName.UnknownReceived], sut.Select(e => e.Event));
        for (var i = 0; i < sut.Count; i++)
        {
            // A feed change's raw is its value, as for Instagram comments.
            if (i == 3)
            {
                Assert.True(System.Text.Json.JsonElement.DeepEquals(items[i].Element.GetProperty("value"), sut[i].Raw.Parse()));
            }
            else
            {
                EventAssert.RawIs(items[i], sut[i]);
            }

            Assert.Equal(Page, sut[i].PageId);
            Assert.Equal(IdType.PageId, sut[i].PageIdType);
        }

        Assert.Equal(1763779000, sut[0].Timestamp);
        Assert.Equal(1763779000100, sut[0].TimestampMs);
        Assert.Equal("comment", sut[3].Feed!.Item);
        Assert.Equal("add", sut[3].Feed!.Verb);
        Assert.Equal(1763779002000, sut[4].TimestampMs);
        Assert.Equal(5, sut.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void Normalize_IdsAbove2Pow53AsJsonNumbers_KeepEveryDigit()
    {
        // Arrange
        var body = Fixture.Load("messenger", "big-ids");

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal(2, sut.Count);
        EventAssert.Outbound(sut[0], Fb, EventName.MessageEcho, "17841405726653026", "9007199254740993123", 1763780000100);
        Assert.Equal("17841405726653026", sut[0].Message!.AppId);
        EventAssert.Inbound(sut[1], Fb, EventName.MessageReceived, "17841405726653026", "9007199254740993123", 1763780000200);
        Assert.Equal(sut[0].ConversationId, sut[1].ConversationId);
    }

    [Fact]
    public void Normalize_SeveralEntries_KeepsPayloadOrderNotTimestampOrder()
    {
        // Arrange
        var body = Fixture.Load("messenger", "order");

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal(["m_Ord1", null, "m_Ord3", "m_Ord4", "m_Ord5"], sut.Select(e => e.Message?.Id ?? e.Postback?.Mid));
        Assert.Equal([false, false, false, true, false], sut.Select(e => e.Standby));
        Assert.Equal([EventName.MessageReceived, EventName.MessageRead, EventName.MessageReceived, EventName.MessageReceived, EventName.PostbackReceived], sut.Select(e => e.Event));
        Assert.Equal([OtherPage, OtherPage, Page, Page, OtherPage], sut.Select(e => e.PageId));
        Assert.Equal(sut[0].ConversationId, sut[4].ConversationId);
        Assert.NotEqual(sut[0].ConversationId, sut[2].ConversationId);
    }

    [Fact]
    public void Normalize_SignatureNotVerified_SaysSoOnEveryEvent()
    {
        // Arrange
        var body = Fixture.Sample("messenger-text-batch.json");

        // Act
        var sut = TestNormalizer.Run(body, signatureVerified: false);

        // Assert
        Assert.Null(sut.Error);
        Assert.Equal(Fb, sut.Platform);
        Assert.All(sut.Events, e => Assert.False(e.SignatureVerified));
    }

    public static TheoryData<string> Fixtures() => new(Fixture.All().Where(f => f.Platform == "messenger").Select(f => f.Name));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Normalize_ItemRedeliveredInAnotherBody_KeepsItsId(string fixture)
    {
        // Arrange
        var body = Fixture.Load("messenger", fixture);
        var items = WebhookItems.Of(body);
        var first = TestNormalizer.Events(body);

        for (var i = 0; i < items.Count; i++)
        {
            // Act
            var again = TestNormalizer.Events(WebhookItems.Redeliver("page", items[i]));

            // Assert
            Assert.Equal(first[i].Id, again[^1].Id);
            Assert.Equal(first[i].Event, again[^1].Event);
            Assert.Equal(first[i].ConversationId, again[^1].ConversationId);
        }
    }

    [Fact]
    public void Normalize_AllFixtures_GiveEveryDifferentItemADifferentId()
    {
        // Arrange
        var bodies = Fixture.All().Where(f => f.Platform == "messenger").Select(f => Fixture.Load(f.Platform, f.Name))
            .Append(Fixture.Sample("messenger-text-batch.json")).Append(Fixture.Sample("messenger-delivery-read.json"));

        // Act
        var sut = bodies.SelectMany(TestNormalizer.Events).ToList();

        // Assert
        Assert.Equal(sut.Count, sut.Select(e => e.Id).Distinct().Count());
    }
}
