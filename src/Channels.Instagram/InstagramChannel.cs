using System.Text.Json;
using Normalizer.Channels.Messaging;
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

    private readonly MessagingParser _parser = new(Platform.Instagram, IdType.Igsid);
    private readonly MessagingEntry.ChangeHandler _changes;

    public Platform Platform => Platform.Instagram;

    public string WebhookObject => "instagram";

    public InstagramChannel() => _changes = (change, accountId, time, context) => InstagramChanges.Parse(change, accountId, time, context, _parser);

    public void Normalize(ref Utf8JsonReader entry, WebhookContext context, List<NormalizedEvent> output) =>
        MessagingEntry.Normalize(_parser, Platform, ref entry, context, output, _changes);
}
