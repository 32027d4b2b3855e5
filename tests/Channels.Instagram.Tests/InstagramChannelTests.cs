using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Testing;

namespace Normalizer.Channels.Instagram.Tests;

public sealed class InstagramChannelTests
{
    private const string Account = "17841405726653026";
    private const string Igsid = "1123581321345589";
    private const Platform Ig = Platform.Instagram;
    private const string EchoMid = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1NzI2NjUzMDI2OkVjaG8x";

    [Fact]
    public void Normalize_TextSample_EmitsMessageReceived()
    {
        // Arrange
        var body = Fixture.Sample("instagram-text.json");
        var items = WebhookItems.Of(body);

        // Act
        var sut = Assert.Single(TestNormalizer.Events(body));

        // Assert
        EventAssert.Inbound(sut, Ig, EventName.MessageReceived, "17841455512345678", Igsid, 1763712200912);
        Assert.Equal("Do you ship to Lisbon?", sut.Message!.Body);
        Assert.Equal("text", sut.Message.Type);
        Assert.StartsWith("aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx", sut.Message.Id);
        Assert.False(sut.Message.IsEcho);
        EventAssert.RawIs(items[0], sut);
    }

    [Fact]
    public void Normalize_Echo_FromIsAccountAndUserIsIgsid()
    {
        // Arrange
        var body = Fixture.Load("instagram", "echo");
        var items = WebhookItems.Of(body);

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal(2, sut.Count);
        EventAssert.Outbound(sut[0], Ig, EventName.MessageEcho, Account, Igsid, 1763790049000);
        Assert.True(sut[0].Message!.IsEcho);
        Assert.Equal("It is 20 EUR", sut[0].Message!.Body);
        Assert.Equal(EchoMid, sut[0].Message!.Id);
        EventAssert.Outbound(sut[1], Ig, EventName.MessageEcho, Account, Igsid, 1763790049500);
        Assert.Equal("image", sut[1].Message!.Type);
        EventAssert.RawIs(items[0], sut[0]);
    }

    [Theory]
    [InlineData(0, "image", "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=101", null, null)]
    [InlineData(1, "audio", "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=102", null, null)]
    [InlineData(2, "video", "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=103", null, null)]
    [InlineData(3, "file", "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=104", null, null)]
    [InlineData(4, "share", "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=105", null, null)]
    [InlineData(5, "ig_reel", "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=17873858025351922", "17873858025351922", "Autumn drop")]
    [InlineData(6, "ig_post", "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=17897654949593778", "17897654949593778", "Store opening")]
    [InlineData(7, "story_mention", "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=18000000000000001", null, null)]
    public void Normalize_AttachmentMessage_FillsAttachment(int index, string type, string url, string? mediaId, string? title)
    {
        // Arrange
        var body = Fixture.Load("instagram", "messages");
        var items = WebhookItems.Of(body);

        // Act
        var sut = TestNormalizer.Events(body)[index];

        // Assert
        EventAssert.Inbound(sut, Ig, EventName.MessageReceived, Account, Igsid, items[index].Element.GetProperty("timestamp").GetInt64());
        Assert.Equal(type, sut.Message!.Type);
        Assert.Equal(new AttachmentPart { Type = type, Url = url, MediaId = mediaId, Title = title }, Assert.Single(sut.Message.Attachments!));
        Assert.Null(sut.Message.Body);
        EventAssert.RawIs(items[index], sut);
    }

    [Fact]
    public void Normalize_StoryReplyReplyQuickReplyUnsupportedAndAdReferral_FillMessageFields()
    {
        // Arrange
        var body = Fixture.Load("instagram", "messages");

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal(13, sut.Count);
        EventAssert.Inbound(sut[8], Ig, EventName.MessageReceived, Account, Igsid, 1763791001002);
        Assert.Equal("Love this look!", sut[8].Message!.Body);
        Assert.Equal(new ReplyToPart { StoryId = "18000000000000002", StoryUrl = "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=18000000000000002" }, sut[8].Message!.ReplyTo);
        Assert.Equal(new ReplyToPart { Id = "aWdf_img1" }, sut[9].Message!.ReplyTo);
        Assert.Equal("SIZES", sut[10].Message!.QuickReplyPayload);
        Assert.Equal("unsupported", sut[11].Message!.Type);
        Assert.True(sut[11].Message!.IsUnsupported);
        Assert.Equal(new ReferralPart
        {
            AdId = "120212345678900001", Source = "ADS", Type = "OPEN_THREAD", AdTitle = "Autumn sale",
            PhotoUrl = "https://scontent.cdninstagram.com/ad.jpg", VideoUrl = "https://scontent.cdninstagram.com/ad-thumb.jpg",
        }, sut[12].Message!.Referral);
        Assert.Single(sut.Select(e => e.ConversationId).Distinct());
        Assert.Equal(13, sut.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void Normalize_SeenReactionsDeletionEditPostbackReferral_EmitTheirEvents()
    {
        // Arrange
        var body = Fixture.Load("instagram", "receipts");
        var items = WebhookItems.Of(body);

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal(7, sut.Count);
        EventAssert.Inbound(sut[0], Ig, EventName.MessageRead, Account, Igsid, 1763792000100);
        Assert.Equal(new ReadPart { MessageId = EchoMid }, sut[0].Read);
        EventAssert.Inbound(sut[1], Ig, EventName.MessageReaction, Account, Igsid, 1763792000200);
        Assert.Equal(new ReactionPart { MessageId = EchoMid, Action = "react", Reaction = "love", Emoji = "\u2764" }, sut[1].Reaction);
        EventAssert.Inbound(sut[2], Ig, EventName.MessageReaction, Account, Igsid, 1763792000300);
        Assert.Equal(new ReactionPart { MessageId = EchoMid, Action = "unreact" }, sut[2].Reaction);
        EventAssert.Inbound(sut[3], Ig, EventName.MessageDeleted, Account, Igsid, 1763792000400);
        Assert.Equal("aWdf_rpl10", sut[3].Message!.Id);
        Assert.Equal("deleted", sut[3].Message!.Type);
        EventAssert.Inbound(sut[4], Ig, EventName.MessageEdited, Account, Igsid, 1763792000500);
        Assert.Equal("Sizes please", sut[4].Message!.Body);
        Assert.Equal(1, sut[4].Message!.EditCount);
        EventAssert.Inbound(sut[5], Ig, EventName.PostbackReceived, Account, Igsid, 1763792000600);
        Assert.Equal(new PostbackPart { Mid = "aWdf_pb14", Title = "Track my order", Payload = "TRACK_ORDER" }, sut[5].Postback);
        EventAssert.Inbound(sut[6], Ig, EventName.ReferralReceived, Account, Igsid, 1763792000700);
        Assert.Equal(new ReferralPart { Ref = "bio-link", Source = "IGME", Type = "OPEN_THREAD" }, sut[6].Referral);
        for (var i = 0; i < sut.Count; i++)
        {
            EventAssert.RawIs(items[i], sut[i]);
        }
    }

    [Fact]
    public void Normalize_DeletionOfADeliveredMessage_HasAnotherIdThanTheMessage()
    {
        // Arrange
        var messages = TestNormalizer.Events(Fixture.Load("instagram", "messages"));

        // Act
        var sut = TestNormalizer.Events(Fixture.Load("instagram", "receipts"))[3];

        // Assert
        Assert.Equal(messages[9].Message!.Id, sut.Message!.Id);
        Assert.NotEqual(messages[9].Id, sut.Id);
        Assert.Equal(messages[9].ConversationId, sut.ConversationId);
    }

    [Fact]
    public void Normalize_CommentsLiveCommentsMentions_EmitCommentAndMentionEvents()
    {
        // Arrange
        var body = Fixture.Load("instagram", "changes");
        var items = WebhookItems.Of(body);

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal(7, sut.Count);
        Assert.Equal([EventName.CommentReceived, EventName.CommentReceived, EventName.CommentReceived, EventName.MentionReceived,
            EventName.InsightsReceived, EventName.CommentReceived, EventName.MessageReceived], sut.Select(e => e.Event));
        var comment = sut[0];
        Assert.Equal(Ig, comment.Platform);
        Assert.Equal(1763793000, comment.Timestamp);
        Assert.Null(comment.TimestampMs);
        Assert.Equal(TestNormalizer.ReceivedAt, comment.ReceivedAt);
        Assert.Equal(Igsid, comment.From);
        Assert.Equal(IdType.Igsid, comment.FromType);
        Assert.Equal(Account, comment.To);
        Assert.Equal(IdType.IgAccountId, comment.ToType);
        Assert.Equal(Account, comment.PageId);
        Assert.Equal(IdType.IgAccountId, comment.PageIdType);
        Assert.Equal(Igsid, comment.UserId);
        Assert.Equal(IdType.Igsid, comment.UserIdType);
        Assert.Equal(EventIds.Conversation(Ig, Account, Igsid), comment.ConversationId);
        Assert.True(comment.SignatureVerified);
        Assert.False(comment.Standby);
        Assert.True(System.Text.Json.JsonElement.DeepEquals(items[0].Element.GetProperty("value"), comment.Raw.Parse()));
        Assert.Equal(new CommentPart
        {
            Id = "17865799348089039", Field = "comments", Text = "Do you ship to Porto?", MediaId = "17887498072083520",
            MediaProductType = "FEED", Username = "ana.lisboa",
        }, comment.Comment);
        Assert.Equal("17865799348089039", sut[1].Comment!.ParentId);
        Assert.Equal("REELS", sut[1].Comment!.MediaProductType);
        Assert.Equal(new CommentPart
        {
            Id = "17865799348089041", Field = "live_comments", Text = "hello from the live!", MediaId = "17999900000000001",
            MediaProductType = "LIVE", Username = "ana.lisboa",
        }, sut[2].Comment);
        Assert.Equal(new CommentPart { Id = "17865799348089042", Field = "mentions", MediaId = "17887498072083599" }, sut[3].Comment);
        Assert.Null(sut[3].UserId);
        Assert.Equal(Account, sut[3].PageId);
        Assert.Equal("story_insights", sut[4].Insights!.Field);
        Assert.Equal(comment.ConversationId, sut[2].ConversationId);
        Assert.NotEqual(comment.ConversationId, sut[5].ConversationId);
        Assert.Equal("17841400000000777", sut[5].PageId);
    }

    [Fact]
    public void Normalize_MessagingShapedChange_ParsesItAsAMessagingItem()
    {
        // Arrange: the App Dashboard's test notification puts a messaging item in changes[].value [3P].
        var body = Fixture.Load("instagram", "changes");

        // Act
        var sut = TestNormalizer.Events(body)[6];

        // Assert
        Assert.Equal(EventName.MessageReceived, sut.Event);
        Assert.Equal("random_text", sut.Message!.Body);
        Assert.Equal("1123581321345589", sut.UserId);
        Assert.Equal("17841400000000777", sut.PageId);
        Assert.Equal(1763793001, sut.Timestamp);
        Assert.Null(sut.TimestampMs);
    }

    [Fact]
    public void Normalize_UnknownItemsAndStandby_KeepRawAndOrder()
    {
        // Arrange
        var body = Fixture.Load("instagram", "unknown");
        var items = WebhookItems.Of(body);

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal([EventName.UnknownReceived, EventName.MessageReceived, EventName.MessageReceived, EventName.UnknownReceived], sut.Select(e => e.Event));
        Assert.Equal([false, false, true, false], sut.Select(e => e.Standby));
        EventAssert.Inbound(sut[2], Ig, EventName.MessageReceived, Account, Igsid, 1763794000300, standby: true);
        for (var i = 0; i < sut.Count; i++)
        {
            EventAssert.RawIs(items[i], sut[i]);
            Assert.Equal(Account, sut[i].PageId);
            Assert.Equal(IdType.IgAccountId, sut[i].PageIdType);
        }
    }

    [Fact]
    public void Normalize_EchoWithNumericIdsAbove2Pow53_KeepsEveryDigit()
    {
        // Arrange
        var body = """
            {"object":"instagram","entry":[{"id":17841405726653026,"time":1763790050000,"messaging":[
             {"sender":{"id":17841405726653026},"recipient":{"id":1123581321345589},"timestamp":1763790049000,
              "message":{"mid":"aWdf_num","text":"digits","is_echo":true,"app_id":17841405726653026}}]}]}
            """u8.ToArray();

        // Act
        var sut = Assert.Single(TestNormalizer.Events(body));

        // Assert
        EventAssert.Outbound(sut, Ig, EventName.MessageEcho, Account, Igsid, 1763790049000);
        Assert.Equal("17841405726653026", sut.Message!.AppId);
    }

    [Fact]
    public void Normalize_SameUserOnTwoAccounts_GetsTwoConversations()
    {
        // Arrange
        var body = """
            {"object":"instagram","entry":[
             {"id":"17841405726653026","time":1763790000000,"messaging":[{"sender":{"id":"1123581321345589"},"recipient":{"id":"17841405726653026"},"timestamp":1763790000001,"message":{"mid":"aWdf_a1","text":"a"}},
                                                                         {"sender":{"id":"1123581321345589"},"recipient":{"id":"17841405726653026"},"timestamp":1763790000002,"message":{"mid":"aWdf_a2","text":"b"}}]},
             {"id":"17841400000000777","time":1763790000000,"messaging":[{"sender":{"id":"1123581321345589"},"recipient":{"id":"17841400000000777"},"timestamp":1763790000003,"message":{"mid":"aWdf_b1","text":"c"}}]}]}
            """u8.ToArray();

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal(sut[0].ConversationId, sut[1].ConversationId);
        Assert.NotEqual(sut[0].ConversationId, sut[2].ConversationId);
        Assert.NotEqual(sut[0].Id, sut[1].Id);
    }

    public static TheoryData<string> Fixtures() => new(Fixture.All().Where(f => f.Platform == "instagram").Select(f => f.Name));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Normalize_ItemRedeliveredInAnotherBody_KeepsItsId(string fixture)
    {
        // Arrange
        var body = Fixture.Load("instagram", fixture);
        var items = WebhookItems.Of(body);
        var first = TestNormalizer.Events(body);

        for (var i = 0; i < items.Count; i++)
        {
            // Act
            var again = TestNormalizer.Events(WebhookItems.Redeliver("instagram", items[i]));

            // Assert
            Assert.Equal(first[i].Id, again[^1].Id);
            Assert.Equal(first[i].Event, again[^1].Event);
        }
    }

    [Fact]
    public void Normalize_AllFixtures_GiveEveryDifferentItemADifferentId()
    {
        // Arrange
        var bodies = Fixture.All().Where(f => f.Platform == "instagram").Select(f => Fixture.Load(f.Platform, f.Name))
            .Append(Fixture.Sample("instagram-text.json"));

        // Act
        var sut = bodies.SelectMany(TestNormalizer.Events).ToList();

        // Assert
        Assert.Equal(sut.Count, sut.Select(e => e.Id).Distinct().Count());
    }
}
