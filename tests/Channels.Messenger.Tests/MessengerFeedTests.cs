using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Testing;

namespace Normalizer.Channels.Messenger.Tests;

// Page feed changes (object page, field feed) from bottender's and restfb's fixtures (Fixtures/messenger/SOURCES.md).
public sealed class MessengerFeedTests
{
    private const string Page = "137542570280222";
    private const string User = "139560936744123";
    private const string Post = "137542570280222_139560936744456";
    private const string LegacyPage = "1234567890321";

    [Theory]
    [InlineData(0, EventName.PostPublished, "status", "add", "137542570280222_139610053406744", null, "test", 1511949030)]
    [InlineData(1, EventName.PostEdited, "status", "edited", Post, null, "1234", 1511927135)]
    [InlineData(2, EventName.PostDeleted, "post", "remove", "137542570280222_139610053406744", null, null, 1511949068)]
    [InlineData(3, EventName.CommentReceived, "comment", "add", Post, "139560936744456_139620233405726", "Good", 1511951015)]
    [InlineData(4, EventName.CommentEdited, "comment", "edited", Post, "139560936744456_139597043408045", "Great", 1511948891)]
    [InlineData(5, EventName.CommentDeleted, "comment", "remove", Post, "139560936744456_139597043408045", null, 1511948944)]
    [InlineData(6, EventName.ReactionReceived, "reaction", "add", Post, "139560936744456_139597090074707", null, 1511948636)]
    [InlineData(7, EventName.ReactionReceived, "reaction", "edit", Post, "139560936744456_139597090074707", null, 1511948713)]
    [InlineData(8, EventName.ReactionRemoved, "reaction", "remove", Post, "139560936744456_139597090074707", null, 1511948666)]
    public void Normalize_UserFeedChange_IsNamedByItemAndVerbWithTheUserAsPsid(
        int index, string name, string item, string verb, string postId, string? commentId, string? message, long createdTime)
    {
        // Arrange
        var body = Fixture.Load("messenger", "feed");
        var items = WebhookItems.Of(body);

        // Act
        var sut = TestNormalizer.Events(body)[index];

        // Assert
        Assert.Equal(name, sut.Event);
        Assert.Equal(Platform.Facebook, sut.Platform);
        Assert.Equal(User, sut.From);
        Assert.Equal(IdType.Psid, sut.FromType);
        Assert.Equal(Page, sut.To);
        Assert.Equal(IdType.PageId, sut.ToType);
        Assert.Equal(Page, sut.PageId);
        Assert.Equal(IdType.PageId, sut.PageIdType);
        Assert.Equal(User, sut.UserId);
        Assert.Equal(IdType.Psid, sut.UserIdType);
        Assert.Equal(EventIds.Conversation(Platform.Facebook, Page, User), sut.ConversationId);
        Assert.Equal(createdTime, sut.Timestamp);
        Assert.Null(sut.TimestampMs);
        Assert.Null(sut.TimestampSource);
        Assert.Equal(item, sut.Feed!.Item);
        Assert.Equal(verb, sut.Feed.Verb);
        Assert.Equal(postId, sut.Feed.PostId);
        Assert.Equal(commentId, sut.Feed.CommentId);
        Assert.Equal(message, sut.Feed.Message);
        Assert.Equal(createdTime, sut.Feed.CreatedTime);
        RawIsTheValue(items[index], sut);
    }

    [Fact]
    public void Normalize_FeedComment_FillsTheCommentPartAndReactionsTheirType()
    {
        // Arrange
        var body = Fixture.Load("messenger", "feed");

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal(new CommentPart
        {
            Id = "139560936744456_139620233405726", Field = "feed", Text = "Good", ParentId = "139560936744456_139562213411528", PostId = Post,
        }, sut[3].Comment);
        Assert.Equal("user", sut[3].Feed!.AuthorName);
        Assert.True(sut[0].Feed!.Published);
        Assert.Null(sut[6].Comment);
        Assert.Equal(["like", "sad", "like"], sut.Skip(6).Take(3).Select(e => e.Feed!.ReactionType));
        Assert.Equal("139560936744456_139597043408045", sut[6].Feed!.ParentId);
        Assert.Equal(3, sut.Skip(6).Take(3).Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void Normalize_CommentWrittenByThePage_HasThePageAsAuthorAndNoUser()
    {
        // Arrange: bottender's sentByPage, a public reply by the Page on its own post.
        var body = Fixture.Load("messenger", "feed");

        // Act
        var sut = TestNormalizer.Events(body)[10];

        // Assert
        Assert.Equal(EventName.CommentReceived, sut.Event);
        Assert.Equal("137542570280111", sut.PageId);
        Assert.Equal("137542570280111", sut.From);
        Assert.Equal(IdType.PageId, sut.FromType);
        Assert.Null(sut.UserId);
        Assert.Null(sut.UserIdType);
        Assert.Null(sut.ConversationId);
        Assert.Equal("Public reply!", sut.Comment!.Text);
        Assert.Equal("Bottender", sut.Feed!.AuthorName);
    }

    [Fact]
    public void Normalize_CommentOnAVideoPost_IsACommentOfThatUser()
    {
        // Arrange
        var body = Fixture.Load("messenger", "feed");

        // Act
        var sut = TestNormalizer.Events(body)[9];

        // Assert
        Assert.Equal(EventName.CommentReceived, sut.Event);
        Assert.Equal("1440971912666228", sut.UserId);
        Assert.Equal(IdType.Psid, sut.UserIdType);
        Assert.Equal("100", sut.Comment!.Text);
        Assert.Equal(Post, sut.Comment.PostId);
        Assert.Equal(1545829217, sut.Timestamp);
    }

    [Theory]
    [InlineData(0, EventName.CommentReceived, "comment", "add", "1234567890321", IdType.PageId, 1449135003)]
    [InlineData(1, EventName.CommentEdited, "comment", "edited", "1234567890321", IdType.PageId, 1448555737)]
    [InlineData(2, EventName.CommentDeleted, "comment", "remove", "1234567890321", IdType.PageId, 1452107182)]
    [InlineData(3, EventName.CommentHidden, "comment", "hide", "1234567890321", IdType.PageId, 1467894562)]
    [InlineData(4, EventName.CommentUnhidden, "comment", "unhide", "1234567890321", IdType.PageId, 1467894562)]
    [InlineData(5, EventName.PostPublished, "photo", "add", "1234567890321", IdType.PageId, 1448555796)]
    [InlineData(6, EventName.PostPublished, "video", "add", "1234567890321", IdType.PageId, 1549627082)]
    [InlineData(7, EventName.PostPublished, "share", "add", "1234567890321", IdType.PageId, 1460111843)]
    [InlineData(8, EventName.PostHidden, "post", "hide", "8423678347823", IdType.Psid, 1467890409)]
    [InlineData(9, EventName.PostUnhidden, "post", "unhide", "8423678347823", IdType.Psid, 1467890409)]
    [InlineData(10, EventName.ReactionReceived, "reaction", "add", "1234567890321", IdType.PageId, 1475578854)]
    [InlineData(11, EventName.ReactionRemoved, "reaction", "remove", "1234567890321", IdType.PageId, 1475578854)]
    [InlineData(12, EventName.ReactionReceived, "like", "add", "909653922461664", IdType.Psid, 1450701319)]
    public void Normalize_LegacyFeedChange_ReadsFromOrSenderIdAsTheAuthor(
        int index, string name, string item, string verb, string author, IdType authorType, long timestamp)
    {
        // Arrange
        var body = Fixture.Load("messenger", "feed-legacy");
        var items = WebhookItems.Of(body);

        // Act
        var sut = TestNormalizer.Events(body)[index];

        // Assert
        Assert.Equal(name, sut.Event);
        Assert.Equal(LegacyPage, sut.PageId);
        Assert.Equal(author, sut.From);
        Assert.Equal(authorType, sut.FromType);
        Assert.Equal(authorType == IdType.Psid ? author : null, sut.UserId);
        Assert.Equal(authorType == IdType.Psid ? IdType.Psid : null, sut.UserIdType);
        Assert.Equal(item, sut.Feed!.Item);
        Assert.Equal(verb, sut.Feed.Verb);
        Assert.Equal(timestamp, sut.Timestamp);
        RawIsTheValue(items[index], sut);
    }

    [Fact]
    public void Normalize_LegacyFeedChanges_KeepNamesLinksAndMedia()
    {
        // Arrange
        var body = Fixture.Load("messenger", "feed-legacy");

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal("Tester", sut[1].Feed!.AuthorName);
        Assert.Equal("Let's see the Webhooks in action :D", sut[1].Comment!.Text);
        Assert.Equal("https://www.example.org/test.jpg", sut[5].Feed!.Link);
        Assert.Equal("A new really great Photo", sut[5].Feed!.Message);
        Assert.Equal("900767076685784", sut[6].Feed!.VideoId);
        Assert.Equal("http://www.google.com/", sut[7].Feed!.Link);
        Assert.Equal("Joe", sut[8].Feed!.AuthorName);
        Assert.Equal("love", sut[10].Feed!.ReactionType);
        Assert.Equal("Let's check this", sut[9].Feed!.Message);
    }

    [Theory]
    [InlineData(13, "like", 1450720238)]
    [InlineData(14, "event", 1502232487)]
    public void Normalize_OtherFeedChange_IsFeedUpdatedWithoutAnAuthor(int index, string item, long timestamp)
    {
        // Arrange: a like of the Page names its liker only by a legacy user_id, left in raw; an event has no author.
        var body = Fixture.Load("messenger", "feed-legacy");

        // Act
        var sut = TestNormalizer.Events(body)[index];

        // Assert
        Assert.Equal(EventName.FeedUpdated, sut.Event);
        Assert.Equal(item, sut.Feed!.Item);
        Assert.Null(sut.From);
        Assert.Null(sut.UserId);
        Assert.Null(sut.Comment);
        Assert.Equal(timestamp, sut.Timestamp);
    }

    [Fact]
    public void Normalize_FeedChangeWithoutItem_IsAnAccountUpdate()
    {
        // Arrange
        var body = """
            {"object":"page","entry":[{"id":"1234567890321","time":1467890409,"changes":[
             {"field":"feed","value":{"verb":"add"}},{"field":"name","value":"New Name"}]}]}
            """u8.ToArray();

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal([EventName.AccountUpdated, EventName.AccountUpdated], sut.Select(e => e.Event));
        Assert.Equal(["feed", "name"], sut.Select(e => e.Account!.Field));
    }

    // The raw of a change is its value, as Meta sent it.
    private static void RawIsTheValue(WebhookItems.Item item, NormalizedEvent evt) =>
        Assert.True(JsonElement.DeepEquals(item.Element.GetProperty("value"), evt.Raw.Parse()), $"raw {evt.Raw} is not the change's value");
}
