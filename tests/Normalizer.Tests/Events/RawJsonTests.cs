using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Normalizer.Channels;
using Normalizer.Events;
using Normalizer.Json;
using Normalizer.Testing;

namespace Normalizer.Tests.Events;

public sealed class RawJsonTests
{
    // Odd spacing, an escaped and an unescaped non-ASCII letter and characters a default encoder would escape:
    // raw must keep every byte Meta sent.
    private const string Item =
        """{ "sender" : {"id":"7723419865501234"},"recipient":{"id":"104523987765432"},"timestamp":1763712000101,"message":{"mid":"m_raw1","text":"caf\u00e9 or café <b> & 'x'"} }""";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """{"object":"page","entry":[{"id":"104523987765432","time":1763712000123,"messaging":[""" + Item + "]}]}");

    [Fact]
    public void Normalize_Raw_IsTheItemsBytesInTheBodyItself()
    {
        var evt = Assert.Single(TestNormalizer.Events(Body));

        Assert.Equal(Item, evt.Raw.ToString());
        Assert.True(MemoryMarshal.TryGetArray(evt.Raw.Utf8, out var segment));
        Assert.Same(Body, segment.Array);
        Assert.Equal(Body.Length - Encoding.UTF8.GetByteCount(Item) - "]}]}".Length, segment.Offset);
    }

    [Fact]
    public void Serialize_Event_WritesRawByteForByte_AndReadsBackEqual()
    {
        var evt = Assert.Single(TestNormalizer.Events(Body));

        var json = JsonSerializer.SerializeToUtf8Bytes(evt, NormalizerJsonContext.Default.NormalizedEvent);
        var read = JsonSerializer.Deserialize(json, NormalizerJsonContext.Default.NormalizedEvent)!;

        Assert.EndsWith("\"raw\":" + Item + "}", Encoding.UTF8.GetString(json), StringComparison.Ordinal);
        Assert.Equal(evt.Raw, read.Raw);
        Assert.True(MemoryMarshal.TryGetArray(read.Raw.Utf8, out var segment));
        Assert.NotSame(Body, segment.Array);
        Assert.Equal("café or café <b> & 'x'", read.Raw.Parse().GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void Normalize_BodySentAcrossLines_RawIsCompactedOntoOneLine_AndTheEventSerializesOnOneLine()
    {
        var pretty = Encoding.UTF8.GetBytes(
            "{\r\n  \"object\": \"page\",\n  \"entry\": [{\"id\": \"104523987765432\", \"time\": 1763712000123, \"messaging\": [\n" +
            "    {\"sender\": {\"id\": \"7723419865501234\"},\n     \"recipient\": {\"id\": \"104523987765432\"}, \"timestamp\": 1763712000101,\n" +
            "     \"message\": {\"mid\": \"m_pretty1\", \"text\": \"two\\nlines\"}}\n  ]}]\n}\n");

        var evt = Assert.Single(TestNormalizer.Events(pretty));
        var json = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(evt, NormalizerJsonContext.Default.NormalizedEvent));

        Assert.Equal(
            """{"sender":{"id":"7723419865501234"},"recipient":{"id":"104523987765432"},"timestamp":1763712000101,"message":{"mid":"m_pretty1","text":"two\nlines"}}""",
            evt.Raw.ToString());
        Assert.DoesNotContain('\n', json);
        Assert.DoesNotContain('\r', json);
        Assert.Equal("two\nlines", evt.Raw.Parse().GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void ContextRaw_ElementOfAnotherBuffer_IsCopied()
    {
        using var document = JsonDocument.Parse("""{"a":[1, {"b":2}]}""");
        var inner = document.RootElement.GetProperty("a")[1];

        var raw = new WebhookContext(DateTimeOffset.UnixEpoch, false) { Body = Body }.Raw(inner);

        Assert.Equal("""{"b":2}""", raw.ToString());
        Assert.True(MemoryMarshal.TryGetArray(raw.Utf8, out var segment));
        Assert.NotSame(Body, segment.Array);
        Assert.True(raw.IsObject);
    }

    [Theory]
    [InlineData("{\"a\":1}", true)]
    [InlineData("[{\"a\":1}]", false)]
    [InlineData("\"{\"", false)]
    [InlineData("", false)]
    public void IsObject_LooksAtTheValue(string json, bool expected) =>
        Assert.Equal(expected, new RawJson(Encoding.UTF8.GetBytes(json)).IsObject);

    [Fact]
    public void Equality_IsByteWise()
    {
        var a = new RawJson("{\"a\":1}"u8.ToArray());
        var b = new RawJson(Encoding.UTF8.GetBytes("x{\"a\":1}").AsMemory(1));

        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new RawJson("{\"a\": 1}"u8.ToArray()));
    }
}
