using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Xunit;

namespace Normalizer.Testing;

/// <summary>Checks of the the normalized event (schemas/README.md) envelope fields every Messenger/Instagram event fills.</summary>
public static class EventAssert
{
    /// <summary>An update the customer caused: from = customer, to = business, user_id = from.</summary>
    public static void Inbound(NormalizedEvent evt, Platform platform, string name, string pageId, string userId,
        long timestampMs, bool standby = false) =>
        Envelope(evt, platform, name, pageId, userId, timestampMs, standby, outbound: false);

    /// <summary>An echo: from = business, to = customer, user_id = to.</summary>
    public static void Outbound(NormalizedEvent evt, Platform platform, string name, string pageId, string userId,
        long timestampMs, bool standby = false) =>
        Envelope(evt, platform, name, pageId, userId, timestampMs, standby, outbound: true);

    /// <summary>raw is the original item: byte for byte when the item is on one line, else the same JSON on one line.</summary>
    public static void RawIs(WebhookItems.Item item, NormalizedEvent evt)
    {
        var text = item.Element.GetRawText();
        if (text.Contains('\n') || text.Contains('\r'))
        {
            Assert.DoesNotContain('\n', evt.Raw.ToString());
            Assert.True(JsonElement.DeepEquals(item.Element, evt.Raw.Parse()), $"raw {evt.Raw} is not the item {text}");
            return;
        }

        Assert.Equal(text, evt.Raw.ToString());
    }

    private static void Envelope(NormalizedEvent evt, Platform platform, string name, string pageId, string userId,
        long timestampMs, bool standby, bool outbound)
    {
        var userType = platform == Platform.Instagram ? IdType.Igsid : IdType.Psid;
        var businessType = platform == Platform.Instagram ? IdType.IgAccountId : IdType.PageId;
        Assert.Equal(name, evt.Event);
        Assert.Equal(platform, evt.Platform);
        Assert.Matches("^evt_[0-9a-f]{32}$", evt.Id);
        Assert.Equal(timestampMs / 1000, evt.Timestamp);
        Assert.Equal(timestampMs, evt.TimestampMs);
        Assert.Equal(TestNormalizer.ReceivedAt, evt.ReceivedAt);
        Assert.Equal(outbound ? pageId : userId, evt.From);
        Assert.Equal(outbound ? businessType : userType, evt.FromType);
        Assert.Equal(outbound ? userId : pageId, evt.To);
        Assert.Equal(outbound ? userType : businessType, evt.ToType);
        Assert.Equal(pageId, evt.PageId);
        Assert.Equal(businessType, evt.PageIdType);
        Assert.Equal(userId, evt.UserId);
        Assert.Equal(userType, evt.UserIdType);
        Assert.Matches("^conv_[0-9a-f]{32}$", evt.ConversationId);
        Assert.Equal(EventIds.Conversation(platform, pageId, userId), evt.ConversationId);
        Assert.True(evt.SignatureVerified);
        Assert.Equal(standby, evt.Standby);
    }
}
