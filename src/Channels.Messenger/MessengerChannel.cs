using System.Text.Json;
using Normalizer.Channels.MessengerPlatform;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Json;

namespace Normalizer.Channels.Messenger;

/// <summary>
/// Facebook Messenger: <c>object: "page"</c>, items in <c>entry[].messaging[]</c> and, when another app
/// owns the thread, <c>entry[].standby[]</c> (Meta's Messenger Platform webhook events). Page <c>feed</c> changes in
/// <c>changes[]</c> are comments, posts and reactions (<see cref="FeedChanges"/>); other Page fields are account updates.
/// </summary>
internal sealed class MessengerChannel : IChannel
{
    public const string HttpClientName = "Normalizer.Messenger";

    // Customers are PSIDs, or user_refs (chat plugin guests, checkbox opt-ins) until they have one.
    private static readonly ChannelIdTypes IdTypes = new() { Business = IdType.PageId, Users = [IdType.Psid, IdType.UserRef] };

    private readonly MessagingParser _parser = new(Platform.Facebook, IdType.PageId, IdType.Psid, IdType.UserRef);
    private readonly MessagingEntry.ChangeHandler _changes;

    public MessengerChannel() => _changes = Changes;

    public Platform Platform => Platform.Facebook;

    public string WebhookObject => "page";

    public ChannelIdTypes Ids => IdTypes;

    public void Normalize(ref Utf8JsonReader entry, WebhookContext context, List<NormalizedEvent> output) =>
        MessagingEntry.Normalize(_parser, ref entry, context, output, _changes);

    private NormalizedEvent Changes(JsonElement change, string pageId, long? time, WebhookContext context) =>
        change.Str("field"u8) == "feed" && change.Obj("value"u8) is { } value && value.Str("item"u8) is not null
            ? FeedChanges.Parse(value, pageId, time, context, _parser)
            : AccountChange.Create(Platform.Facebook, IdType.PageId, pageId, change, time, context);
}
