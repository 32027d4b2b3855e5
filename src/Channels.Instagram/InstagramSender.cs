using Microsoft.Extensions.Options;
using Normalizer.Channels.MessengerPlatform;
using Normalizer.Events;
using Normalizer.Graph;
using Normalizer.Ids;
using Normalizer.Sending;

namespace Normalizer.Channels.Instagram;

/// <summary>
/// Instagram messaging (Meta's Instagram messaging API). Facebook Login: the Messenger body posted to the linked Page's
/// <c>/{page-id}/messages</c> on graph.facebook.com with the Page token, when <see cref="PageCredentials.LinkedPageId"/>
/// is set. Instagram Login otherwise: <c>graph.instagram.com/{v}/{ig-id}/messages</c> with the Instagram user token.
/// </summary>
internal sealed class InstagramSender(IGraphClient graph, IOptionsMonitor<InstagramGraphOptions> options) : IChannelSender
{
    // Text < 1000 characters; only HUMAN_AGENT exists on Instagram (Meta: Messenger Send API, Meta: Instagram messaging API).
    private static readonly MessagingSendRules Rules = new()
    {
        MaxTextLength = 1000,
        Tags = new HashSet<string>(["HUMAN_AGENT"], StringComparer.Ordinal),
    };

    public Platform Platform => Platform.Instagram;

    public IdType RecipientType(string userId) => IdType.Igsid;

    public ReplyWindow? WindowFor(OutboundMessage message, string messagingType, string? tag, SendOptions options) =>
        MessagingSendWindow.For(messagingType, tag, options);

    public async Task<ChannelSendOutcome> SendAsync(ChannelSendRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var credentials = request.Credentials;
        if (request.Recipient.Type != IdType.Igsid)
        {
            return ChannelSendOutcome.BadRequest("Instagram sends to an IGSID.");
        }

        var facebookLogin = !string.IsNullOrEmpty(credentials.LinkedPageId);
        var node = facebookLogin ? credentials.LinkedPageId! : credentials.PageId;
        if (!GraphPath.IsValidId(node))
        {
            return ChannelSendOutcome.BadRequest("The Instagram account or linked Page id is not a valid id.");
        }

        if (MessagingSendBody.Build(request, Rules, out var problem) is not { } body)
        {
            return ChannelSendOutcome.BadRequest(problem!);
        }

        var response = await graph.SendAsync(
            GraphRequest.Messages(node, body, credentials, InstagramChannel.HttpClientName,
                baseUrl: facebookLogin ? null : options.CurrentValue.InstagramBaseUrl),
            cancellationToken);

        // {recipient_id, message_id} as on Messenger [U, facts not yet confirmed by Meta]; sender actions answer no message_id.
        return ChannelSendOutcome.FromGraph(response, response.String("message_id"), InstagramErrorMap.Classify);
    }
}
