using Normalizer.Channels.MessengerPlatform;
using Normalizer.Events;
using Normalizer.Graph;
using Normalizer.Ids;
using Normalizer.Sending;

namespace Normalizer.Channels.Messenger;

/// <summary>
/// Messenger Send API: <c>POST /{v}/{page-id}/messages</c> with the Page token and appsecret_proof
/// (Meta's send API hosts and tokens). One call per send; the send service retries.
/// </summary>
internal sealed class MessengerSender(IGraphClient graph) : IChannelSender
{
    // Text < 2000 characters; ACCOUNT_UPDATE, CONFIRMED_EVENT_UPDATE, POST_PURCHASE_UPDATE are rejected since 2026-04-27 (Meta: Messenger Send API).
    private static readonly MessagingSendRules Rules = new()
    {
        MaxTextLength = 2000,
        Tags = new HashSet<string>(["HUMAN_AGENT", "CUSTOMER_FEEDBACK"], StringComparer.Ordinal),
    };

    public Platform Platform => Platform.Facebook;

    public IdType RecipientType(string userId) => IdType.Psid;

    public ReplyWindow? WindowFor(OutboundMessage message, string messagingType, string? tag, SendOptions options) =>
        MessagingSendWindow.For(messagingType, tag, options);

    public async Task<ChannelSendOutcome> SendAsync(ChannelSendRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var credentials = request.Credentials;
        if (request.Recipient.Type != IdType.Psid)
        {
            return ChannelSendOutcome.BadRequest("Messenger sends to a PSID.");
        }

        if (!GraphPath.IsValidId(credentials.PageId))
        {
            return ChannelSendOutcome.BadRequest("The Page id is not a valid id.");
        }

        if (MessagingSendBody.Build(request, Rules, out var problem) is not { } body)
        {
            return ChannelSendOutcome.BadRequest(problem!);
        }

        var response = await graph.SendAsync(
            GraphRequest.Messages(credentials.PageId, body, credentials, MessengerChannel.HttpClientName),
            cancellationToken);

        // {"recipient_id","message_id"}; sender actions answer recipient_id only (Meta: Messenger Send API).
        return ChannelSendOutcome.FromGraph(response, response.String("message_id"), MessengerErrorMap.Classify);
    }
}
