using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Tests.Ids;

public sealed class EventIdsTests
{
    [Fact]
    public void Event_SameInputs_SameIdOfTheDocumentedForm()
    {
        var a = EventIds.Event(Platform.Facebook, "104523987765432", "message:m_1");
        var b = EventIds.Event(Platform.Facebook, "104523987765432", "message:m_1");

        Assert.Equal(a, b);
        Assert.Matches("^evt_[0-9a-f]{32}$", a);
    }

    [Fact]
    public void Event_KnownInput_IsFirst16BytesOfSha256OverSeparatedParts()
    {
        // Computed independently: sha256("facebook\x1f104523987765432\x1fmessage:m_1")[0..16] as hex.
        var bytes = System.Text.Encoding.UTF8.GetBytes("facebook\u001f104523987765432\u001fmessage:m_1");
        var expected = "evt_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)[..16]);

        Assert.Equal(expected, EventIds.Event(Platform.Facebook, "104523987765432", "message:m_1"));
    }

    [Theory]
    [InlineData("message:", "m_1")]
    [InlineData("", "message:m_1")]
    [InlineData("message:m_1", "")]
    [InlineData("mess", "age:m_é")]
    public void Event_KeyInTwoParts_IsTheIdOfTheJoinedKey(string keyPrefix, string key)
    {
        var joined = System.Text.Encoding.UTF8.GetBytes("facebook\u001f104523987765432\u001f" + keyPrefix + key);
        var expected = "evt_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(joined)[..16]);

        Assert.Equal(expected, EventIds.Event(Platform.Facebook, "104523987765432", keyPrefix, key));
        Assert.Equal(EventIds.Event(Platform.Facebook, "104523987765432", keyPrefix + key), EventIds.Event(Platform.Facebook, "104523987765432", keyPrefix, key));
    }

    [Theory]
    [InlineData("instagram", "104523987765432", "message:m_1")]
    [InlineData("facebook", "231198744410002", "message:m_1")]
    [InlineData("facebook", "104523987765432", "message:m_2")]
    [InlineData("facebook", "10452398776543", "2message:m_1")]
    public void Event_AnyPartDiffers_IdDiffers(string platform, string pageId, string key)
    {
        PlatformNames.TryParse(platform, out var p);

        Assert.NotEqual(EventIds.Event(Platform.Facebook, "104523987765432", "message:m_1"), EventIds.Event(p, pageId, key));
    }

    [Fact]
    public void Conversation_KnownInput_IsSha256_WhetherDerivedOrRemembered()
    {
        // Computed independently: sha256("whatsapp\x1f106540352242922\x1f16505551234")[0..16] as hex.
        var bytes = System.Text.Encoding.UTF8.GetBytes("whatsapp\u001f106540352242922\u001f16505551234");
        var expected = "conv_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)[..16]);

        var first = EventIds.Conversation(Platform.WhatsApp, "106540352242922", "16505551234");
        // Far more conversations than are remembered: the first is forgotten and derived again, to the same id.
        for (var i = 0; i < 20_000; i++)
        {
            EventIds.Conversation(Platform.WhatsApp, "106540352242922", "1650555" + i);
        }

        Assert.Equal(expected, first);
        Assert.Equal(expected, EventIds.Conversation(Platform.WhatsApp, "106540352242922", "16505551234"));
        Assert.Equal(expected, EventIds.Conversation(Platform.WhatsApp, "106540352242922", "16505551234"));
        Assert.NotEqual(expected, EventIds.Conversation(Platform.Instagram, "106540352242922", "16505551234"));
    }

    [Fact]
    public void Conversation_SameUserOtherPage_Differs()
    {
        var a = EventIds.Conversation(Platform.Facebook, "104523987765432", "7723419865501234");
        var b = EventIds.Conversation(Platform.Facebook, "231198744410002", "7723419865501234");

        Assert.Matches("^conv_[0-9a-f]{32}$", a);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Event_LongKey_UsesHeapBufferAndStaysDeterministic()
    {
        var key = new string('x', 5000);

        Assert.Equal(EventIds.Event(Platform.WhatsApp, "1", key), EventIds.Event(Platform.WhatsApp, "1", key));
    }

    [Fact]
    public void TaggedId_SameValueOtherType_NotEqual()
    {
        Assert.NotEqual(new TaggedId(IdType.Psid, "123"), new TaggedId(IdType.Igsid, "123"));
        Assert.Equal(new TaggedId(IdType.WaId, "34600000000"), new TaggedId(IdType.WaId, "34600000000"));
        Assert.Equal("WA_BSUID:ES.1188", new TaggedId(IdType.WaBsuid, "ES.1188").ToString());
    }

    [Theory]
    [InlineData(1763712000101, 1763712000, 1763712000101L)]
    [InlineData(1763712300, 1763712300, null)]
    public void Split_MillisecondsOrSeconds_GivesBoth(long value, long seconds, long? ms)
    {
        Assert.Equal((seconds, ms), Timestamps.Split(value));
    }
}
