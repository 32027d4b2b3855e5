using Normalizer.Events;

namespace Normalizer.Channels;

/// <summary>A channel's send API (Messenger Send API, Instagram messaging, WhatsApp Cloud API). Singletons.</summary>
public interface IChannelSender
{
    /// <summary>The platform it sends on.</summary>
    Platform Platform { get; }

    /// <summary>
    /// Sends once: no retries (the send service retries). Meta's errors come back classified in
    /// <see cref="ChannelSendOutcome.Error"/>; exceptions are for cancellation only.
    /// </summary>
    Task<ChannelSendOutcome> SendAsync(ChannelSendRequest request, CancellationToken cancellationToken);
}
