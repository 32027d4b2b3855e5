using System.Text.Json;
using Normalizer.Channels.MessengerPlatform;
using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Channels.Messenger;

/// <summary>
/// Facebook Messenger: <c>object: "page"</c>, items in <c>entry[].messaging[]</c> and, when another app
/// owns the thread, <c>entry[].standby[]</c> (Meta's Messenger Platform webhook events). Page-feed <c>changes[]</c> are account updates.
/// </summary>
internal sealed class MessengerChannel : IChannel
{
    public const string HttpClientName = "Normalizer.Messenger";

    // Customers are PSIDs, or user_refs (chat plugin guests, checkbox opt-ins) until they have one.
    private static readonly ChannelIdTypes IdTypes = new() { Business = IdType.PageId, Users = [IdType.Psid, IdType.UserRef] };

    private readonly MessagingParser _parser = new(Platform.Facebook, IdType.PageId, IdType.Psid, IdType.UserRef);

    public Platform Platform => Platform.Facebook;

    public string WebhookObject => "page";

    public ChannelIdTypes Ids => IdTypes;

    public void Normalize(ref Utf8JsonReader entry, WebhookContext context, List<NormalizedEvent> output) =>
        MessagingEntry.Normalize(_parser, ref entry, context, output, Changes);

    // Page-feed changes are not messaging: they are account updates.
    private static readonly MessagingEntry.ChangeHandler Changes =
        static (change, pageId, time, context) => AccountChange.Create(Platform.Facebook, IdType.PageId, pageId, change, time, context);
}
