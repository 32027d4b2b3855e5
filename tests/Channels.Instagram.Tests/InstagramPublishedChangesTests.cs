using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Testing;

namespace Normalizer.Channels.Instagram.Tests;

// Comments, live comments, mentions and story insights as Meta's test notifications send them, and a comment written by
// the account itself (Fixtures/instagram/SOURCES.md).
public sealed class InstagramPublishedChangesTests
{
    private const Platform Ig = Platform.Instagram;

    [Fact]
    public void Normalize_PublishedChanges_NameEveryItem()
    {
        // Arrange
        var body = Fixture.Load("instagram", "comments-published");
        var items = WebhookItems.Of(body);

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal([EventName.CommentReceived, EventName.CommentReceived, EventName.MentionReceived, EventName.InsightsReceived,
            EventName.CommentReceived], sut.Select(e => e.Event));
        for (var i = 0; i < sut.Count; i++)
        {
            Assert.Equal(Ig, sut[i].Platform);
            Assert.Equal(IdType.IgAccountId, sut[i].PageIdType);
            Assert.Equal(sut[i].PageId, sut[i].To);
            Assert.Equal(IdType.IgAccountId, sut[i].ToType);
            Assert.True(JsonElement.DeepEquals(items[i].Element.GetProperty("value"), sut[i].Raw.Parse()));
        }

        Assert.Equal(5, sut.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void Normalize_CommentOfAUser_TagsTheCommenterAsIgsidWithMediaAndParent()
    {
        // Arrange
        var body = Fixture.Load("instagram", "comments-published");

        // Act
        var sut = TestNormalizer.Events(body)[0];

        // Assert
        Assert.Equal("0", sut.PageId);
        Assert.Equal("1234536447", sut.From);
        Assert.Equal(IdType.Igsid, sut.FromType);
        Assert.Equal("1234536447", sut.UserId);
        Assert.Equal(IdType.Igsid, sut.UserIdType);
        Assert.Equal(EventIds.Conversation(Ig, "0", "1234536447"), sut.ConversationId);
        Assert.Equal(1519399307, sut.Timestamp);
        Assert.Null(sut.TimestampMs);
        Assert.Equal(new CommentPart
        {
            Id = "123456789", Field = "comments", Text = "This is an example.", ParentId = "987654321", MediaId = "76543987",
            MediaProductType = "FEED", Username = "testuser",
        }, sut.Comment);
    }

    [Fact]
    public void Normalize_LiveCommentWithoutAuthor_IsACommentWithoutUser()
    {
        // Arrange
        var body = Fixture.Load("instagram", "comments-published");

        // Act
        var sut = TestNormalizer.Events(body)[1];

        // Assert
        Assert.Equal(EventName.CommentReceived, sut.Event);
        Assert.Equal(new CommentPart { Id = "123456789", Field = "live_comments", Text = "This is an example." }, sut.Comment);
        Assert.Null(sut.From);
        Assert.Null(sut.UserId);
        Assert.Null(sut.ConversationId);
    }

    [Fact]
    public void Normalize_Mention_NamesTheCommentAndMedia()
    {
        // Arrange
        var body = Fixture.Load("instagram", "comments-published");

        // Act
        var sut = TestNormalizer.Events(body)[2];

        // Assert
        Assert.Equal(new CommentPart { Id = "17887498072083520", Field = "mentions", MediaId = "17887498072083520" }, sut.Comment);
        Assert.Null(sut.UserId);
        Assert.Equal(1519399310, sut.Timestamp);
    }

    [Fact]
    public void Normalize_StoryInsights_IsAnInsightsEventWithEveryMetric()
    {
        // Arrange
        var body = Fixture.Load("instagram", "comments-published");

        // Act
        var sut = TestNormalizer.Events(body)[3];

        // Assert
        Assert.Equal(EventName.InsightsReceived, sut.Event);
        Assert.Equal(new InsightsPart
        {
            Field = "story_insights", MediaId = "17887498072083520", Impressions = 444, Reach = 44, TapsForward = 4, TapsBack = 3, Exits = 3,
            Replies = 0,
        }, sut.Insights);
        Assert.Null(sut.Account);
        Assert.Null(sut.From);
        Assert.Null(sut.UserId);
        Assert.Equal(1519399312, sut.Timestamp);
    }

    [Fact]
    public void Normalize_CommentByTheAccountItself_HasTheAccountAsAuthorAndNoUser()
    {
        // Arrange: from.id is the account (its own reply), with self_ig_scoped_id beside it.
        var body = Fixture.Load("instagram", "comments-published");

        // Act
        var sut = TestNormalizer.Events(body)[4];

        // Assert
        Assert.Equal(EventName.CommentReceived, sut.Event);
        Assert.Equal("17841474524784050", sut.PageId);
        Assert.Equal("17841474524784050", sut.From);
        Assert.Equal(IdType.IgAccountId, sut.FromType);
        Assert.Null(sut.UserId);
        Assert.Null(sut.UserIdType);
        Assert.Null(sut.ConversationId);
        Assert.Equal("jiangwenwen1213", sut.Comment!.Username);
        Assert.Equal("17919697626119712", sut.Comment.Id);
    }

    [Fact]
    public void Normalize_OtherAccountFields_AreNamedAccountUpdatesWhateverTheirValue()
    {
        // Arrange: fields other than comments, mentions and insights, one with an object value and one without.
        var body = """
            {"object":"instagram","entry":[{"id":"17841405726653026","time":1519399312,"changes":[
             {"field":"follow","value":{"follower_id":"1234536447"}},{"field":"business_account","value":"updated"}]}]}
            """u8.ToArray();

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal([EventName.AccountUpdated, EventName.AccountUpdated], sut.Select(e => e.Event));
        Assert.Equal(["follow", "business_account"], sut.Select(e => e.Account!.Field));
        Assert.All(sut, e => Assert.Null(e.UserId));
    }

    [Fact]
    public void Normalize_PolicyEnforcementInMessagingOrAsAChange_IsAPolicyEventOfTheAccount()
    {
        // Arrange: Meta's messaging_policy_enforcement example, on an Instagram account, as a messaging item and as the
        // App Dashboard's test notification puts it (a change whose value is the item).
        var body = """
            {"object":"instagram","entry":[
             {"id":"17841405726653026","time":1458692752478,"messaging":[{"recipient":{"id":"17841405726653026"},"timestamp":1458692752478,
              "policy_enforcement":{"action":"block","reason":"The bot violated our Platform Policies"}}]},
             {"id":"17841405726653026","time":1458692752479,"changes":[{"field":"messaging_policy_enforcement","value":
              {"recipient":{"id":"17841405726653026"},"timestamp":1458692752479,"policy_enforcement":{"action":"unblock"}}}]}]}
            """u8.ToArray();

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal([EventName.PolicyEnforced, EventName.PolicyEnforced], sut.Select(e => e.Event));
        Assert.Equal(new PolicyPart { Action = "block", Reason = "The bot violated our Platform Policies" }, sut[0].Policy);
        Assert.Equal(new PolicyPart { Action = "unblock" }, sut[1].Policy);
        Assert.All(sut, e =>
        {
            Assert.Equal("17841405726653026", e.PageId);
            Assert.Equal(IdType.IgAccountId, e.ToType);
            Assert.Null(e.UserId);
        });
    }
}
