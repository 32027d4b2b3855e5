using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Testing;

namespace Normalizer.Channels.WhatsApp.Tests;

/// <summary>Loads WhatsApp fixtures and checks the frame every WhatsApp event shares (schemas/README.md: the normalized event).</summary>
internal static class WhatsAppExpect
{
    public const string PhoneNumberId = "106540352242922";

    public static IReadOnlyList<NormalizedEvent> Events(string fixture) =>
        TestNormalizer.Events(Fixture.Load("whatsapp", fixture));

    /// <summary>An inbound item: the user sends to the business number.</summary>
    public static void Inbound(
        NormalizedEvent evt, string name, string key, string user, IdType userType, long timestamp, string pageId = PhoneNumberId)
    {
        Common(evt, name, key, timestamp, pageId);
        Assert.Equal(user, evt.From);
        Assert.Equal(userType, evt.FromType);
        Assert.Equal(pageId, evt.To);
        Assert.Equal(IdType.PhoneNumberId, evt.ToType);
        User(evt, user, userType, pageId);
    }

    /// <summary>A status: the business number sent to the user.</summary>
    public static void Outbound(
        NormalizedEvent evt, string name, string key, string user, IdType userType, long timestamp, string pageId = PhoneNumberId)
    {
        Common(evt, name, key, timestamp, pageId);
        Assert.Equal(pageId, evt.From);
        Assert.Equal(IdType.PhoneNumberId, evt.FromType);
        Assert.Equal(user, evt.To);
        Assert.Equal(userType, evt.ToType);
        User(evt, user, userType, pageId);
    }

    public static void Common(NormalizedEvent evt, string name, string key, long timestamp, string pageId = PhoneNumberId)
    {
        Assert.Equal(EventIds.Event(Platform.WhatsApp, pageId, key), evt.Id);
        Assert.Equal(Platform.WhatsApp, evt.Platform);
        Assert.Equal(name, evt.Event);
        Assert.Equal(timestamp, evt.Timestamp);
        // WhatsApp gives seconds; an update without a time of its own (a change-level error) takes the receive time, in
        // milliseconds, and says so.
        if (timestamp == TestNormalizer.ReceivedAt.ToUnixTimeSeconds())
        {
            Assert.Equal((TestNormalizer.ReceivedAt.ToUnixTimeMilliseconds(), "received_at"), (evt.TimestampMs, evt.TimestampSource));
        }
        else
        {
            Assert.Equal((null, null), (evt.TimestampMs, evt.TimestampSource));
        }

        Assert.Equal(TestNormalizer.ReceivedAt, evt.ReceivedAt);
        Assert.Equal(pageId, evt.PageId);
        Assert.Equal(IdType.PhoneNumberId, evt.PageIdType);
        Assert.True(evt.SignatureVerified);
        Assert.False(evt.Standby);
    }

    private static void User(NormalizedEvent evt, string user, IdType userType, string pageId)
    {
        Assert.Equal(user, evt.UserId);
        Assert.Equal(userType, evt.UserIdType);
        Assert.Equal(EventIds.Conversation(Platform.WhatsApp, pageId, user), evt.ConversationId);
    }
}
