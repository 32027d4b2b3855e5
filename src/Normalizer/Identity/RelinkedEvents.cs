using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Channels;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Ingest;
using Normalizer.Storage;

namespace Normalizer.Identity;

/// <summary>
/// Stores an <c>identity.relinked</c> event through the pipeline (so it is delivered like any other) and publishes it.
/// Its id comes from the two scoped IDs, so hosts that find the same relink store it once.
/// </summary>
public sealed class RelinkedEvents(IServiceScopeFactory scopes, EventFeed feed, ChannelRegistry channels, IngestMetrics metrics, TimeProvider time)
{
    /// <summary>
    /// Stores the event of <paramref name="relink"/>; <paramref name="trigger"/> is the customer's event that revealed it
    /// (its conversation and addressing are kept), or null when a send found it.
    /// </summary>
    public async Task StoreAsync(Relink relink, NormalizedEvent? trigger, CancellationToken cancellationToken)
    {
        var (current, previous) = (relink.Current, relink.Previous);
        var raw = new RawJson(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string?>
        {
            ["previous_user_id"] = previous.ScopedId, ["previous_contact_id"] = previous.Id,
            ["user_id"] = current.ScopedId, ["contact_id"] = current.Id, ["person_id"] = current.PersonId,
            ["asid"] = current.Asid, ["asid_app_id"] = current.AsidAppId,
            ["method"] = relink.Method, ["confidence"] = relink.Confidence,
        }, Json.NormalizerJsonContext.Default.DictionaryStringString));
        var now = time.GetUtcNow();
        var id = EventIds.Event(current.Platform, current.ScopeId, $"relinked:{previous.ScopedId}:{current.ScopedId}");
        var evt = trigger is not null
            ? trigger with
            {
                Id = id, Event = EventName.IdentityRelinked, ReceivedAt = now, Message = null, Postback = null, Referral = null, Raw = raw,
            }
            : new NormalizedEvent
            {
                Id = id, Platform = current.Platform, Event = EventName.IdentityRelinked, Timestamp = now.ToUnixTimeSeconds(),
                TimestampMs = now.ToUnixTimeMilliseconds(), ReceivedAt = now,
                From = current.ScopedId, FromType = current.IdType, To = current.ScopeId, ToType = ScopeType(current.Platform),
                PageId = current.ScopeId, PageIdType = ScopeType(current.Platform), UserId = current.ScopedId, UserIdType = current.IdType,
                ConversationId = EventIds.Conversation(current.Platform, current.ScopeId, current.ScopedId),
                // Made by Normalizer itself from Meta's answer to an authenticated call, not received unsigned.
                SignatureVerified = true, Standby = false, Raw = raw,
            };
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<StoreSession>();
        await scope.ServiceProvider.GetRequiredService<EventPipeline>().ProcessAsync(evt, cancellationToken).ConfigureAwait(false);
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        metrics.Stored(session.Stored);
        feed.Publish(session.Stored);
    }

    // The channel declares the type of its business IDs (PAGE_ID, IG_ACCOUNT_ID…).
    private IdType ScopeType(Platform platform) => channels.IdsOf(platform)?.Business ?? IdType.PageId;
}
