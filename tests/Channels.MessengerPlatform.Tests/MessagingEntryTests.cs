using System.Text;
using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Channels.MessengerPlatform.Tests;

/// <summary>
/// One Messenger Platform entry read in one pass: JSON objects are unordered (RFC 8259 §4) and a repeated name's last
/// value counts, so neither the order of an item's members nor an entry id given after the items changes the events.
/// </summary>
public sealed class MessagingEntryTests
{
    private static readonly MessagingParser Parser = new(Platform.Facebook, IdType.PageId, IdType.Psid, IdType.UserRef);

    private static readonly MessagingEntry.ChangeHandler NoChanges =
        static (change, pageId, time, context) => UnknownEvent.Create(Platform.Facebook, IdType.PageId, pageId, change, context, time);

    private const string Item =
        """{"sender":{"id":"6100000000000001"},"recipient":{"id":"104523987765432"},"timestamp":1763770000123,"message":{"mid":"m_order1","text":"hello"}}""";

    [Fact]
    public void Normalize_ItemWithSenderAndTimestampAfterTheMessage_ReadsThemAll()
    {
        // Arrange
        var reversed = """{"message":{"text":"hello","mid":"m_order1"},"timestamp":1763770000123,"recipient":{"id":"104523987765432"},"sender":{"id":"6100000000000001"}}""";

        // Act
        var first = Assert.Single(Normalize(Entry(Item)));
        var second = Assert.Single(Normalize(Entry(reversed)));

        // Assert
        Assert.Equal(EventName.MessageReceived, second.Event);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal("6100000000000001", second.From);
        Assert.Equal("6100000000000001", second.UserId);
        Assert.Equal("104523987765432", second.To);
        Assert.Equal(1763770000123, second.TimestampMs);
        Assert.Equal("hello", second.Message!.Body);
        Assert.Equal(reversed, second.Raw.ToString());
    }

    [Fact]
    public void Normalize_EntryIdRepeatedAfterTheItems_TheLastOneIsThePage()
    {
        // Arrange
        var entry = Entry(Item, tail: ""","id":"104523987765499" """);

        // Act
        var sut = Assert.Single(Normalize(entry));

        // Assert
        Assert.Equal("104523987765499", sut.PageId);
        Assert.Equal(EventName.MessageReceived, sut.Event);
    }

    private static string Entry(string item, string tail = "") =>
        $$"""{"id":"104523987765432","time":1763770000999,"messaging":[{{item}}]{{tail}}}""";

    private static List<NormalizedEvent> Normalize(string entry)
    {
        var body = Encoding.UTF8.GetBytes(entry);
        var reader = new Utf8JsonReader(body);
        reader.Read();
        var events = new List<NormalizedEvent>();
        var context = new WebhookContext(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero), SignatureVerified: true) { Body = body };
        MessagingEntry.Normalize(Parser, ref reader, context, events, NoChanges);
        return events;
    }
}
