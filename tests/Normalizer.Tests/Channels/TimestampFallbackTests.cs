using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Testing;

namespace Normalizer.Tests.Channels;

/// <summary>
/// An implausible time never costs an update: every channel's events get a plausible one, and say where it came from.
/// </summary>
public sealed class TimestampFallbackTests
{
    [Fact]
    public void Normalize_WhatsAppMessageWithTimestampZero_IsKeptAtTheReceiveTime()
    {
        // Arrange: a text message whose "timestamp" (Unix seconds as a string, Meta's WhatsApp webhook) is "0".
        var body = """
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{
             "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
             "contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"16505551234"}],
             "messages":[{"from":"16505551234","id":"wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=","timestamp":"0","type":"text","text":{"body":"Hi"}}]}}]}]}
            """u8.ToArray();

        // Act
        var evt = Assert.Single(TestNormalizer.Events(body));

        // Assert
        Assert.Equal(EventName.MessageReceived, evt.Event);
        Assert.Equal("Hi", evt.Message!.Body);
        Assert.Equal(TestNormalizer.ReceivedAt.ToUnixTimeSeconds(), evt.Timestamp);
        Assert.Equal(Timestamps.FromReceivedAt, evt.TimestampSource);
    }

    [Fact]
    public void Normalize_InstagramMessageWithAFutureTimestamp_FallsBackToTheEntryTime()
    {
        // Arrange: the item's time is in the year 2100, the entry's is plausible.
        var body = """
            {"object":"instagram","entry":[{"id":"17841405822304914","time":1763712000500,"messaging":[
             {"sender":{"id":"1149785476238711"},"recipient":{"id":"17841405822304914"},"timestamp":4102444800000,
              "message":{"mid":"aWdfZAG1faXRlbTo","text":"hello"}}]}]}
            """u8.ToArray();

        // Act
        var evt = Assert.Single(TestNormalizer.Events(body));

        // Assert
        Assert.Equal(1763712000500, evt.TimestampMs);
        Assert.Equal(Timestamps.FromEntry, evt.TimestampSource);
    }

    [Theory]
    [InlineData(1763712000L, true)]              // seconds
    [InlineData(1763712000123L, true)]           // milliseconds
    [InlineData(0L, false)]
    [InlineData(1_075_852_799L, false)]          // a second before 2004-02-04
    [InlineData(1_075_852_800L, true)]
    public void IsPlausible_BetweenFacebooksFoundingAndADayAfterReceipt(long value, bool plausible) =>
        Assert.Equal(plausible, Timestamps.IsPlausible(value, TestNormalizer.ReceivedAt));

    [Fact]
    public void IsPlausible_ADayAfterReceiptIsTheLimit()
    {
        var limit = TestNormalizer.ReceivedAt.AddDays(1).ToUnixTimeSeconds();

        Assert.True(Timestamps.IsPlausible(limit, TestNormalizer.ReceivedAt));
        Assert.False(Timestamps.IsPlausible(limit + 1, TestNormalizer.ReceivedAt));
    }

    [Fact]
    public void Choose_NoOwnTime_TheEntryTimeIsTheUpdatesOwnAndNothingIsSaid()
    {
        var time = Timestamps.Choose(null, 1763712000500, null, TestNormalizer.ReceivedAt);

        Assert.Equal(new EventTime(1763712000, 1763712000500, null), time);
    }
}
