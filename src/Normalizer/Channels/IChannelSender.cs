using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Sending;

namespace Normalizer.Channels;

/// <summary>A channel's send API and its rules: the type of a bare recipient ID, and the reply window. Singletons.</summary>
public interface IChannelSender
{
    /// <summary>The platform it sends on.</summary>
    Platform Platform { get; }

    /// <summary>The type of a customer ID given to the send API with its <c>page_id</c> but without a type.</summary>
    IdType RecipientType(string userId);

    /// <summary>
    /// The reply window <paramref name="message"/> is bound to, counted from the customer's last message; null when it may
    /// go out at any time (a template, a tag Meta judges by itself).
    /// </summary>
    ReplyWindow? WindowFor(OutboundMessage message, string messagingType, string? tag, SendOptions options);

    /// <summary>
    /// Sends once: no retries (the send service retries). Meta's errors come back classified in
    /// <see cref="ChannelSendOutcome.Error"/>; exceptions are for cancellation only.
    /// </summary>
    Task<ChannelSendOutcome> SendAsync(ChannelSendRequest request, CancellationToken cancellationToken);
}
