using Normalizer.Events;

namespace Normalizer.Sending;

/// <summary>
/// Whether a message may go out now (Meta's Messenger Send API): a free-form message needs the customer's last
/// message within 24 hours; Messenger/Instagram HUMAN_AGENT (and Messenger CUSTOMER_FEEDBACK) extend that to
/// 7 days; Messenger UTILITY messages, other tags (Meta judges them) and WhatsApp templates are not bound to it.
/// </summary>
public static class SendWindow
{
    /// <summary>Null when the send is legal, else the window_closed error to answer without calling Meta.</summary>
    public static SendError? Check(Platform platform, OutboundMessage message, string messagingType, string? tag,
        DateTimeOffset? lastInbound, DateTimeOffset now, SendOptions options)
    {
        TimeSpan window;
        if (platform == Platform.WhatsApp)
        {
            if (message.Type == "whatsapp_template")
            {
                return null;
            }

            window = options.StandardWindow;
        }
        else if (messagingType == "UTILITY" || (messagingType == "MESSAGE_TAG" && tag is not ("HUMAN_AGENT" or "CUSTOMER_FEEDBACK")))
        {
            return null;
        }
        else
        {
            window = messagingType == "MESSAGE_TAG" ? options.HumanAgentWindow : options.StandardWindow;
        }

        if (lastInbound is { } last && now - last <= window)
        {
            return null;
        }

        var since = lastInbound is { } l ? $"the customer last wrote {(now - l).TotalHours:0.#} hours ago" : "the customer never wrote";
        var remedy = platform == Platform.WhatsApp
            ? "send an approved template (type whatsapp_template)"
            : messagingType == "MESSAGE_TAG" ? "the tag's 7-day window has passed too" : "use messaging_type MESSAGE_TAG with tag HUMAN_AGENT (7 days) or a utility template";
        return new SendError
        {
            Kind = SendErrorKind.WindowClosed,
            Message = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"outside the reply window: {since}; {remedy}"),
        };
    }
}
