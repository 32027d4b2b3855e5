using Normalizer.Channels;

namespace Normalizer.Sending;

/// <summary>
/// Whether a message may go out now: the channel's sender says which reply window the message is bound to
/// (<see cref="IChannelSender.WindowFor"/>), and a message bound to one needs the customer's last message within it.
/// </summary>
public static class SendWindow
{
    /// <summary>Null when the send is legal, else the window_closed error to answer without calling Meta.</summary>
    public static SendError? Check(IChannelSender sender, OutboundMessage message, string messagingType, string? tag,
        DateTimeOffset? lastInbound, DateTimeOffset now, SendOptions options)
    {
        ArgumentNullException.ThrowIfNull(sender);
        if (sender.WindowFor(message, messagingType, tag, options) is not { } window
            || (lastInbound is { } last && now - last <= window.Length))
        {
            return null;
        }

        var since = lastInbound is { } l ? $"the customer last wrote {(now - l).TotalHours:0.#} hours ago" : "the customer never wrote";
        return new SendError
        {
            Kind = SendErrorKind.WindowClosed,
            Message = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"outside the reply window: {since}; {window.Remedy}"),
        };
    }
}
