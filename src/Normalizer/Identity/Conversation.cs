using Normalizer.Events;

namespace Normalizer.Identity;

/// <summary>A (platform, page, user) thread and the time of the customer's last message in it.</summary>
/// <param name="Id">conv_… id.</param>
/// <param name="Platform">Channel.</param>
/// <param name="PageId">Business ID.</param>
/// <param name="UserId">Customer's scoped ID.</param>
/// <param name="LastInboundAt">The customer's last inbound event, if any.</param>
public sealed record Conversation(string Id, Platform Platform, string PageId, string UserId, DateTimeOffset? LastInboundAt);
