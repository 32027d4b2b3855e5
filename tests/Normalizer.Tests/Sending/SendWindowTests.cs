using Microsoft.Extensions.Time.Testing;
using Normalizer.Channels;
using Normalizer.Events;
using Normalizer.Sending;
using Normalizer.Testing;

namespace Normalizer.Tests.Sending;

/// <summary>
/// The reply windows at their edges: the customer's last message is at the start of the fake clock, which is then
/// advanced to one second inside or outside the window. A window twice as long (or half) fails one of each pair.
/// </summary>
public sealed class SendWindowTests
{
    private static readonly DateTimeOffset LastInbound = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private readonly FakeTimeProvider _time = new(LastInbound);
    private readonly SendOptions _options = new();

    public static TheoryData<string, string, string?, string, bool> Edges => new()
    {
        // platform, messaging_type, tag, time since the customer's message ("window±1s"), open?
        { "facebook", "RESPONSE", null, "day-1s", true },
        { "facebook", "RESPONSE", null, "day+1s", false },
        { "instagram", "RESPONSE", null, "day-1s", true },
        { "instagram", "RESPONSE", null, "day+1s", false },
        { "facebook", "MESSAGE_TAG", "HUMAN_AGENT", "week-1s", true },
        { "facebook", "MESSAGE_TAG", "HUMAN_AGENT", "week+1s", false },
        { "instagram", "MESSAGE_TAG", "HUMAN_AGENT", "week-1s", true },
        { "instagram", "MESSAGE_TAG", "HUMAN_AGENT", "week+1s", false },
        { "facebook", "MESSAGE_TAG", "CUSTOMER_FEEDBACK", "week-1s", true },
        { "facebook", "MESSAGE_TAG", "CUSTOMER_FEEDBACK", "week+1s", false },
        { "whatsapp", "RESPONSE", null, "day-1s", true },
        { "whatsapp", "RESPONSE", null, "day+1s", false },
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void Check_AtTheWindowEdge_OpenJustInsideClosedJustOutside(string platform, string messagingType, string? tag, string elapsed, bool open)
    {
        _time.Advance(Elapsed(elapsed));

        var sut = SendWindow.Check(Sender(platform), Text, messagingType, tag, LastInbound, _time.GetUtcNow(), _options);

        if (open)
        {
            Assert.Null(sut);
        }
        else
        {
            Assert.Equal(SendErrorKind.WindowClosed, sut?.Kind);
        }
    }

    [Fact]
    public void Check_ExactlyTwentyFourHours_IsStillOpen()
    {
        _time.Advance(Day);

        Assert.Null(SendWindow.Check(TestChannels.Sender(Platform.Facebook), Text, "RESPONSE", null, LastInbound, _time.GetUtcNow(), _options));
    }

    [Fact]
    public void Check_HumanAgentTagAfterTheStandardWindow_IsOpenWhileResponseIsClosed()
    {
        _time.Advance(Day + Second);
        var now = _time.GetUtcNow();

        var response = SendWindow.Check(TestChannels.Sender(Platform.Facebook), Text, "RESPONSE", null, LastInbound, now, _options);
        var humanAgent = SendWindow.Check(TestChannels.Sender(Platform.Facebook), Text, "MESSAGE_TAG", "HUMAN_AGENT", LastInbound, now, _options);

        Assert.Equal(SendErrorKind.WindowClosed, response?.Kind);
        Assert.Null(humanAgent);
    }

    [Theory]
    [InlineData("facebook", "UTILITY", null)]
    [InlineData("facebook", "MESSAGE_TAG", "ACCOUNT_UPDATE")]
    public void Check_NotBoundToTheWindow_IsOpenLongAfter(string platform, string messagingType, string? tag)
    {
        _time.Advance(Week * 4);

        Assert.Null(SendWindow.Check(Sender(platform), Text, messagingType, tag, LastInbound, _time.GetUtcNow(), _options));
    }

    [Fact]
    public void Check_WhatsAppTemplate_IsOpenWithoutAnyCustomerMessage()
    {
        var template = new OutboundMessage { Type = "whatsapp_template" };

        Assert.Null(SendWindow.Check(TestChannels.Sender(Platform.WhatsApp), template, "RESPONSE", null, null, _time.GetUtcNow(), _options));
    }

    [Fact]
    public void Check_WhatsAppTextWithoutAnyCustomerMessage_IsClosedNamingTheTemplateRemedy()
    {
        var sut = SendWindow.Check(TestChannels.Sender(Platform.WhatsApp), Text, "RESPONSE", null, null, _time.GetUtcNow(), _options);

        Assert.Equal(SendErrorKind.WindowClosed, sut?.Kind);
        Assert.Contains("whatsapp_template", sut!.Message, StringComparison.Ordinal);
    }

    private static OutboundMessage Text => new() { Type = "text", Body = "hi" };

    private static IChannelSender Sender(string platform) => TestChannels.Sender(platform switch
    {
        "facebook" => Platform.Facebook,
        "instagram" => Platform.Instagram,
        _ => Platform.WhatsApp,
    });

    private static TimeSpan Elapsed(string edge) => edge switch
    {
        "day-1s" => Day - Second,
        "day+1s" => Day + Second,
        "week-1s" => Week - Second,
        _ => Week + Second,
    };
}
