using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Channels.MessengerPlatform;

/// <summary>
/// Builds the event of a <c>changes[]</c> value written by someone (a comment, a post, a reaction): by the business
/// itself, when the author is the entry's id, and then no customer is involved; else by a person, who is the user.
/// </summary>
public static class ChangeEvent
{
    /// <summary>The event <paramref name="name"/> of the change value <paramref name="value"/>; its part is added by the caller.</summary>
    /// <param name="channel">The channel's parser: its platform and ID types.</param>
    /// <param name="name">The event name.</param>
    /// <param name="key">The dedup key, unique within the business.</param>
    /// <param name="value">The change value, kept as <c>raw</c>.</param>
    /// <param name="author">The author's id (<c>from.id</c>), when there is one.</param>
    /// <param name="businessId">The entry's id: the Page or Instagram account.</param>
    /// <param name="own">The change's own time (<c>created_time</c>), when it has one.</param>
    /// <param name="entryTime">The entry's time.</param>
    /// <param name="context">The delivery.</param>
    public static NormalizedEvent Create(MessagingParser channel, string name, string key, JsonElement value, string? author,
        string businessId, long? own, long? entryTime, WebhookContext context)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var (platform, businessType) = (channel.Platform, channel.BusinessType);
        var authorType = author is null ? (IdType?)null : author == businessId ? businessType : channel.UserType;
        var user = authorType == channel.UserType ? author : null;
        var time = Timestamps.Choose(own, entryTime, null, context.ReceivedAt);
        return new NormalizedEvent
        {
            Id = EventIds.Event(platform, businessId, key),
            Platform = platform,
            Event = name,
            Timestamp = time.Seconds,
            TimestampMs = time.Milliseconds,
            TimestampSource = time.Source,
            ReceivedAt = context.ReceivedAt,
            From = author,
            FromType = authorType,
            To = businessId,
            ToType = businessType,
            PageId = businessId,
            PageIdType = businessType,
            UserId = user,
            UserIdType = user is null ? null : channel.UserType,
            ConversationId = user is null ? null : EventIds.Conversation(platform, businessId, user),
            SignatureVerified = context.SignatureVerified,
            Standby = false,
            Raw = context.Raw(value),
        };
    }
}
