using Normalizer.Events;
using Normalizer.Identity;
using Normalizer.Ids;

namespace Normalizer.Sending;

/// <summary>Where a send goes: channel, business ID, recipient, its contact and the window it is in.</summary>
internal sealed record SendTarget(Platform Platform, string PageId, TaggedId Recipient, Contact? Contact, DateTimeOffset? LastInboundAt);
