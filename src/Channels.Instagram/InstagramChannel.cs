using System.Text.Json;
using Normalizer.Channels.MessengerPlatform;
using Normalizer.Events;
using Normalizer.Ids;

namespace Normalizer.Channels.Instagram;

/// <summary>
/// Instagram Messaging: <c>object: "instagram"</c>; DMs, echoes, reactions, seen, postbacks and referrals in
/// <c>entry[].messaging[]</c> (Messenger Platform shape, IGSIDs); comments and mentions in
/// <c>entry[].changes[]</c> (Meta's webhook subscription fields).
/// </summary>
internal sealed class InstagramChannel : IChannel
{
    public const string HttpClientName = "Normalizer.Instagram";

    private static readonly ChannelIdTypes IdTypes = new() { Business = IdType.IgAccountId, Users = [IdType.Igsid] };

    private readonly MessagingParser _parser = new(Platform.Instagram, IdType.IgAccountId, IdType.Igsid);
    private readonly MessagingEntry.ChangeHandler _changes;

    public Platform Platform => Platform.Instagram;

    public string WebhookObject => "instagram";

    public ChannelIdTypes Ids => IdTypes;

    public InstagramChannel() => _changes = (change, accountId, time, context) => InstagramChanges.Parse(change, accountId, time, context, _parser);

    public void Normalize(ref Utf8JsonReader entry, WebhookContext context, List<NormalizedEvent> output) =>
        MessagingEntry.Normalize(_parser, ref entry, context, output, _changes);
}
