using System.Text.Json;
using Normalizer.Events;
using Normalizer.Graph;
using Normalizer.Ids;
using Normalizer.Sending;

namespace Normalizer.Channels.WhatsApp;

/// <summary>
/// WhatsApp Cloud API: <c>POST /{v}/{phone-number-id}/messages</c> with the system-user token and appsecret_proof
/// (Meta's send API hosts and tokens). One call per send; the send service retries.
/// </summary>
internal sealed class WhatsAppSender(IGraphClient graph) : IChannelSender
{
    public Platform Platform => Platform.WhatsApp;

    // A BSUID is CC. + alphanumerics (Meta's WhatsApp Cloud API webhooks), a wa_id is digits only.
    public IdType RecipientType(string userId) => userId.Contains('.', StringComparison.Ordinal) ? IdType.WaBsuid : IdType.WaId;

    // The customer service window: 24 hours after the customer's last message; templates go out at any time.
    public ReplyWindow? WindowFor(OutboundMessage message, string messagingType, string? tag, SendOptions options) =>
        message.Type == "whatsapp_template" ? null : new ReplyWindow(options.StandardWindow, "send an approved template (type whatsapp_template)");

    public async Task<ChannelSendOutcome> SendAsync(ChannelSendRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var credentials = request.Credentials;
        if (!GraphPath.IsValidId(credentials.PageId))
        {
            return ChannelSendOutcome.BadRequest("The phone_number_id is not a valid id.");
        }

        var body = request.Message.Type == "sender_action"
            ? WhatsAppSendBody.MarkRead(request.Message, out var problem)
            : WhatsAppSendBody.Build(request.Recipient, request.Message, out problem);
        if (body is null)
        {
            return ChannelSendOutcome.BadRequest(problem!);
        }

        var response = await graph.SendAsync(
            GraphRequest.Messages(credentials.PageId, body, credentials, WhatsAppChannel.HttpClientName),
            cancellationToken);

        // {"messaging_product","contacts":[…],"messages":[{"id":"wamid…"}]}; mark-as-read answers {"success":true} (Meta: WhatsApp Cloud API messages).
        return ChannelSendOutcome.FromGraph(response, MessageId(response), WhatsAppErrorMap.Classify);
    }

    private static string? MessageId(GraphResponse response) =>
        response.Body is { ValueKind: JsonValueKind.Object } root
        && root.TryGetProperty("messages"u8, out var messages) && messages.ValueKind == JsonValueKind.Array
        && messages.GetArrayLength() > 0 && messages[0].ValueKind == JsonValueKind.Object
        && messages[0].TryGetProperty("id"u8, out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
