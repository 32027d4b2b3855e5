using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Normalizer.Channels;
using Normalizer.Events;
using Normalizer.Json;
using Normalizer.Testing;

namespace Normalizer.Tests.Channels;

/// <summary>
/// JSON objects are unordered (RFC 8259 §4) and a repeated name's last value is the one that counts (as
/// <see cref="JsonDocument"/> reads it): the one-pass reading of a body must not depend on Meta's property order
/// (within a Messenger Platform entry: Channels.MessengerPlatform.Tests).
/// </summary>
public sealed class WebhookPropertyOrderTests
{
    public static TheoryData<string, string> Fixtures()
    {
        var data = new TheoryData<string, string>();
        foreach (var (platform, name) in Fixture.All())
        {
            data.Add(platform, name);
        }

        return data;
    }

    private const string Item =
        """{"sender":{"id":"6100000000000001"},"recipient":{"id":"104523987765432"},"timestamp":1763770000123,"message":{"mid":"m_order1","text":"hello"}}""";

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Normalize_ObjectAfterEntryAndIdTimeAfterItems_GivesTheSameEvents(string platform, string name)
    {
        // Arrange: the same body twice through one writer, once with "object" last and each entry's id and time last.
        var root = JsonNode.Parse(Fixture.Load(platform, name))!.AsObject();
        var canonical = Utf8(root.ToJsonString());
        var entries = root["entry"]!.AsArray().Select(e => e is JsonObject entry ? IdAndTimeLast(entry) : e?.DeepClone()).ToArray();
        var moved = Utf8(new JsonObject { ["entry"] = new JsonArray(entries), ["object"] = root["object"]!.DeepClone() }.ToJsonString());

        // Act
        var expected = Serialized(TestNormalizer.Events(canonical));
        var actual = Serialized(TestNormalizer.Events(moved));

        // Assert
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Normalize_RepeatedObject_TheLastOneChoosesTheChannel()
    {
        // Arrange
        var body = Utf8($$"""{"object":"instagram","entry":[{"id":"104523987765432","time":1763770000999,"messaging":[{{Item}}]}],"object":"page"}""");

        // Act
        var sut = TestNormalizer.Run(body);

        // Assert
        Assert.Null(sut.Error);
        Assert.Equal(Platform.Facebook, sut.Platform);
        Assert.Equal(Platform.Facebook, Assert.Single(sut.Events).Platform);
    }

    [Fact]
    public void Normalize_RepeatedEntry_OnlyTheLastOneCounts()
    {
        // Arrange
        var second = Item.Replace("m_order1", "m_order2", StringComparison.Ordinal);
        var body = Utf8($$"""
            {"object":"page",
             "entry":[{"id":"104523987765432","time":1763770000999,"messaging":[{{Item}}]}],
             "entry":[{"id":"104523987765432","time":1763770000999,"messaging":[{{second}}]}]}
            """);

        // Act
        var sut = TestNormalizer.Events(body);

        // Assert
        Assert.Equal("m_order2", Assert.Single(sut).Message!.Id);
    }

    [Theory]
    [InlineData(""","other":tru""")]
    [InlineData(""","other":[1,}""")]
    [InlineData("""} x""")]
    public void Normalize_BadJsonAfterTheEntries_FailsAsNotJsonWithoutEvents(string tail)
    {
        // Arrange: the entries are read (and normalized) before the broken part is reached.
        var valid = Encoding.UTF8.GetString(Page(Item));
        var body = Utf8(valid[..^1] + tail + (tail.StartsWith('}') ? "" : "}"));

        // Act
        var sut = TestNormalizer.Run(body);

        // Assert
        Assert.Equal(WebhookErrorKind.NotJson, sut.Error!.Kind);
        Assert.Empty(sut.Events);
    }

    // An entry without item arrays, or with an item that is not an object, is kept as it is: the raw of its unknown
    // event is (or holds) the entry itself.
    private static JsonObject IdAndTimeLast(JsonObject entry)
    {
        var arrays = entry.Where(p => p.Key is "messaging" or "standby" or "changes").Select(p => p.Value).ToList();
        if (arrays.Count == 0 || arrays.Any(a => a is not JsonArray items || items.Any(i => i is not JsonObject)))
        {
            return entry.DeepClone().AsObject();
        }

        var reordered = new JsonObject();
        foreach (var (key, value) in entry.Where(p => p.Key is not ("id" or "time")).Concat(entry.Where(p => p.Key is "id" or "time")))
        {
            reordered[key] = value?.DeepClone();
        }

        return reordered;
    }

    private static byte[] Page(string item) =>
        Utf8($$"""{"object":"page","entry":[{"id":"104523987765432","time":1763770000999,"messaging":[{{item}}]}]}""");

    private static List<string> Serialized(IEnumerable<NormalizedEvent> events) =>
        events.Select(e => JsonSerializer.Serialize(e, NormalizerJsonContext.Default.NormalizedEvent)).ToList();

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}
