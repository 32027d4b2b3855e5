using System.Text;
using System.Text.Json;
using Normalizer.Channels;
using Normalizer.Events;
using Normalizer.Testing;

namespace Normalizer.Tests.Channels;

/// <summary>Bodies that are not what Meta promises: a clear error or unknown.received, never an exception.</summary>
public sealed class WebhookNormalizerTests
{
    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    [Theory]
    [InlineData("messenger-text-batch.json")]
    [InlineData("instagram-text.json")]
    public void Normalize_TruncatedBody_FailsSayingWhereItStops(string sample)
    {
        // Arrange
        var whole = Fixture.Sample(sample);
        var body = whole[..(whole.Length / 2)];

        // Act
        var sut = TestNormalizer.Run(body);

        // Assert
        Assert.Empty(sut.Events);
        Assert.Equal(WebhookErrorKind.NotJson, sut.Error!.Kind);
        Assert.Contains("truncated", sut.Error.Message, StringComparison.Ordinal);
        Assert.Contains($"after byte {body.Length}", sut.Error.Message, StringComparison.Ordinal);
        Assert.Contains("line 1", sut.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_TruncatedMultilineBody_ReportsTheLastLine()
    {
        // Arrange
        var body = Utf8("{\"object\":\"page\",\n\"entry\":[\n{\"id\":\"104523987765432\",\"messaging\":[{\"sender\":{\"id\":\"77");

        // Act
        var sut = TestNormalizer.Run(body);

        // Assert
        Assert.StartsWith("the body is truncated", sut.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", sut.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hello", "line 1, byte 1")]
    [InlineData("{\"object\":\"page\",\"entry\":[}", "line 1, byte 27")]
    [InlineData("{\"object\":'page'}", "line 1, byte 11")]
    [InlineData("{\"object\":\"page\"} trailing", "line 1, byte 19")]
    public void Normalize_NotJson_FailsSayingWhere(string text, string where)
    {
        // Arrange
        var body = Utf8(text);

        // Act
        var sut = TestNormalizer.Run(body);

        // Assert
        Assert.Empty(sut.Events);
        Assert.Equal(WebhookErrorKind.NotJson, sut.Error!.Kind);
        Assert.StartsWith("the body is not valid JSON at " + where, sut.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n ")]
    public void Normalize_EmptyBody_FailsAsEmpty(string text)
    {
        // Act
        var sut = TestNormalizer.Run(Utf8(text));

        // Assert
        Assert.Equal(WebhookErrorKind.NotJson, sut.Error!.Kind);
        Assert.Equal("the body is empty", sut.Error.Message);
    }

    [Fact]
    public void Normalize_NestingDeeperThan64_FailsSayingSo()
    {
        // Arrange: a messaging item whose message nests 100 arrays.
        var deep = new string('[', 100) + new string(']', 100);
        var body = Utf8($$$"""{"object":"page","entry":[{"id":"104523987765432","messaging":[{"message":{"mid":"m_1","x":{{{deep}}}}}]}]}""");

        // Act
        var sut = TestNormalizer.Run(body);

        // Assert
        Assert.Empty(sut.Events);
        Assert.Equal(WebhookErrorKind.NotJson, sut.Error!.Kind);
        Assert.Contains($"deeper than {WebhookNormalizer.MaxDepth} levels", sut.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_Nesting64Levels_IsAccepted()
    {
        // Arrange: root object (1) + entry array (2) + entry (3) + messaging (4) + item (5) + 59 arrays = 64.
        var deep = new string('[', 59) + new string(']', 59);
        var body = Utf8($$"""{"object":"page","entry":[{"id":"104523987765432","messaging":[{"x":{{deep}}}]}]}""");

        // Act
        var sut = TestNormalizer.Run(body);

        // Assert
        Assert.Null(sut.Error);
        Assert.Equal(EventName.UnknownReceived, Assert.Single(sut.Events).Event);
    }

    [Theory]
    [InlineData("[1,2]", "the body is a JSON array, not an object")]
    [InlineData("\"page\"", "the body is a JSON string, not an object")]
    [InlineData("{\"entry\":[]}", "'object' is missing or not a string")]
    [InlineData("{\"object\":\"page\"}", "'entry' is missing or not an array")]
    [InlineData("{\"object\":\"page\",\"entry\":5}", "'entry' is missing or not an array")]
    [InlineData("{\"object\":\"instagram\",\"entry\":{\"id\":\"1\"}}", "'entry' is missing or not an array")]
    [InlineData("{\"object\":\"user\",\"entry\":[]}", "unknown object 'user' (known: ")]
    public void Normalize_WrongTopLevelShape_FailsWithBadShapeOrUnknownObject(string text, string message)
    {
        // Act
        var sut = TestNormalizer.Run(Utf8(text));

        // Assert
        Assert.Empty(sut.Events);
        Assert.NotNull(sut.Error);
        Assert.NotEqual(WebhookErrorKind.NotJson, sut.Error.Kind);
        Assert.StartsWith(message, sut.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page")]
    [InlineData("instagram")]
    public void Normalize_EmptyEntryAndItemArrays_YieldNoEventsAndNoError(string webhookObject)
    {
        // Arrange
        var body = Utf8($$"""{"object":"{{webhookObject}}","entry":[]}""");
        var emptyItems = Utf8($$"""{"object":"{{webhookObject}}","entry":[{"id":"104523987765432","time":1763770000000,"messaging":[],"standby":[]}]}""");

        // Act
        var sut = new[] { TestNormalizer.Run(body), TestNormalizer.Run(emptyItems) };

        // Assert
        Assert.All(sut, o => Assert.Null(o.Error));
        Assert.All(sut, o => Assert.Empty(o.Events));
    }

    [Theory]
    [InlineData("page", """{"sender":[],"recipient":{"id":"104523987765432"},"timestamp":1763770000001,"message":{"mid":"m_1","text":"hi"}}""")]
    [InlineData("page", """{"sender":{"id":"7723419865501234"},"recipient":{"id":"104523987765432"},"timestamp":1763770000001,"message":"hi"}""")]
    [InlineData("page", """{"sender":{"id":"7723419865501234"},"recipient":{"id":"104523987765432"},"timestamp":1763770000001}""")]
    [InlineData("page", """{"message":{"mid":"m_2","text":"no sender at all"}}""")]
    [InlineData("page", """{"sender":{"id":"7723419865501234"},"delivery":"m_1","read":[1],"postback":null}""")]
    [InlineData("page", "42")]
    [InlineData("page", "null")]
    [InlineData("instagram", """{"sender":{"id":["1123581321345589"]},"recipient":{"id":"17841405726653026"},"message":{"mid":"x","text":"t"}}""")]
    [InlineData("instagram", """{"sender":{"id":"17841405726653026"},"timestamp":1763770000001,"message":{"is_echo":true,"mid":"x","text":"echo without a recipient"}}""")]
    public void Normalize_ItemOfWrongTypesOrMissingFields_BecomesUnknownWithRaw(string webhookObject, string item)
    {
        // Arrange
        var pageId = webhookObject == "page" ? "104523987765432" : "17841405726653026";
        var body = Utf8($$"""{"object":"{{webhookObject}}","entry":[{"id":"{{pageId}}","time":1763770000000,"messaging":[{{item}}]}]}""");

        // Act
        var sut = TestNormalizer.Run(body);

        // Assert
        Assert.Null(sut.Error);
        var evt = Assert.Single(sut.Events);
        Assert.Equal(EventName.UnknownReceived, evt.Event);
        Assert.Equal(pageId, evt.PageId);
        Assert.Null(evt.UserId);
        var parsed = evt.Raw.Parse();
        var raw = parsed.ValueKind == JsonValueKind.Object && parsed.TryGetProperty("messaging", out var wrapped) && item is "42" or "null" ? wrapped : parsed;
        Assert.Equal(item, raw.GetRawText());
    }

    [Theory]
    [InlineData("5")]
    [InlineData("\"entry\"")]
    [InlineData("[{\"id\":\"104523987765432\"}]")]
    [InlineData("{\"id\":[\"104523987765432\"],\"messaging\":{\"sender\":{\"id\":\"1\"}}}")]
    [InlineData("{\"id\":\"104523987765432\",\"messaging\":\"m\",\"changes\":7}")]
    public void Normalize_EntryOfWrongShape_BecomesOneUnknownEvent(string entry)
    {
        // Arrange
        var body = Utf8($$$"""{"object":"page","entry":[{"id":"104523987765432","messaging":[{"sender":{"id":"7723419865501234"},"recipient":{"id":"104523987765432"},"timestamp":1763770000001,"message":{"mid":"m_ok","text":"ok"}}]},{{{entry}}}]}""");

        // Act
        var sut = TestNormalizer.Run(body);

        // Assert
        Assert.Null(sut.Error);
        Assert.Equal([EventName.MessageReceived, EventName.UnknownReceived], sut.Events.Select(e => e.Event));
        Assert.Equal(TestNormalizer.ReceivedAt.ToUnixTimeSeconds(), sut.Events[1].Timestamp);
        var raw = sut.Events[1].Raw.Parse();
        Assert.Equal(entry, raw.TryGetProperty("entry", out var wrapped) && raw.EnumerateObject().Count() == 1 ? wrapped.GetRawText() : raw.GetRawText());
    }

    [Theory]
    [InlineData("page", "7")]
    [InlineData("page", "[\"feed\"]")]
    [InlineData("instagram", "\"comments\"")]
    [InlineData("instagram", "{\"field\":\"comments\",\"value\":5}")]
    [InlineData("instagram", "{\"field\":null,\"value\":{\"id\":\"1\"}}")]
    public void Normalize_ChangeOfWrongShape_BecomesUnknownWithRaw(string webhookObject, string change)
    {
        // Arrange
        var body = Utf8($$"""{"object":"{{webhookObject}}","entry":[{"id":"17841405726653026","time":1763793000,"changes":[{{change}}]}]}""");

        // Act
        var sut = TestNormalizer.Run(body);

        // Assert
        Assert.Null(sut.Error);
        var evt = Assert.Single(sut.Events);
        Assert.Equal(EventName.UnknownReceived, evt.Event);
        Assert.Equal(1763793000, evt.Timestamp);
        var raw = change.StartsWith('{') ? evt.Raw.Parse() : evt.Raw.Parse().GetProperty("changes");
        Assert.Equal(change, raw.GetRawText());
    }

    [Fact]
    public void Normalize_TenThousandEntries_EmitsOneEventPerEntryInOrder()
    {
        // Arrange
        var json = new StringBuilder("""{"object":"page","entry":[""");
        for (var i = 0; i < 10_000; i++)
        {
            json.Append(i == 0 ? "" : ",").Append($$$"""{"id":"104523987765432","time":1763770000000,"messaging":[{"sender":{"id":"7723419865501234"},"recipient":{"id":"104523987765432"},"timestamp":{{{1763770000000 + i}}},"message":{"mid":"m_{{{i}}}","text":"n"}}]}""");
        }

        var body = Utf8(json.Append("]}").ToString());

        // Act
        var sut = TestNormalizer.Run(body);

        // Assert
        Assert.Null(sut.Error);
        Assert.Equal(10_000, sut.Events.Count);
        Assert.Equal("m_0", sut.Events[0].Message!.Id);
        Assert.Equal("m_9999", sut.Events[^1].Message!.Id);
        Assert.Equal(10_000, sut.Events.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void Normalize_InvalidUtf8InsideStrings_NeverThrows()
    {
        // Arrange: 0xC3 0x28 is not UTF-8, once in the object name and once in a message text.
        byte[] bad = [0xC3, 0x28];
        var inObject = Utf8("{\"object\":\"pa").Concat(bad).Concat(Utf8("ge\",\"entry\":[]}")).ToArray();
        var inText = Utf8("{\"object\":\"page\",\"entry\":[{\"id\":\"104523987765432\",\"messaging\":[{\"sender\":{\"id\":\"7723419865501234\"},\"recipient\":{\"id\":\"104523987765432\"},\"timestamp\":1763770000001,\"message\":{\"mid\":\"m_1\",\"text\":\"")
            .Concat(bad).Concat(Utf8("\"}}]}]}")).ToArray();

        // Act
        var sut = new[] { TestNormalizer.Run(inObject), TestNormalizer.Run(inText) };

        // Assert
        Assert.All(sut, o => Assert.Empty(o.Events));
        Assert.Equal("the body is not valid UTF-8 (first bad byte at offset 13)", sut[0].Error!.Message);
        Assert.Equal(WebhookErrorKind.NotJson, sut[1].Error!.Kind);
        Assert.StartsWith("the body is not valid UTF-8", sut[1].Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_ObjectOfAnotherPinnedChannel_FailsAsUnknownObject()
    {
        // Arrange
        var body = Fixture.Sample("instagram-text.json");

        // Act
        var sut = TestNormalizer.Run(body, pinned: Platform.Facebook);

        // Assert
        Assert.Equal(WebhookErrorKind.UnknownObject, sut.Error!.Kind);
        Assert.Contains("'instagram'", sut.Error.Message, StringComparison.Ordinal);
    }
}
