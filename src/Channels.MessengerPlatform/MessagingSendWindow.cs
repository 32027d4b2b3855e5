using Normalizer.Sending;

namespace Normalizer.Channels.MessengerPlatform;

/// <summary>
/// The Messenger Platform's reply window (Meta's Messenger Send API), shared by Messenger and Instagram: a free-form message
/// needs the customer's last message within 24 hours; HUMAN_AGENT (and Messenger's CUSTOMER_FEEDBACK) extend that to
/// 7 days; UTILITY messages and other tags (Meta judges them) are not bound to it.
/// </summary>
public static class MessagingSendWindow
{
    /// <summary>The window a send of <paramref name="messagingType"/> and <paramref name="tag"/> is bound to; null when none.</summary>
    public static ReplyWindow? For(string messagingType, string? tag, SendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (messagingType == "UTILITY" || (messagingType == "MESSAGE_TAG" && tag is not ("HUMAN_AGENT" or "CUSTOMER_FEEDBACK")))
        {
            return null;
        }

        return messagingType == "MESSAGE_TAG"
            ? new ReplyWindow(options.HumanAgentWindow, "the tag's 7-day window has passed too")
            : new ReplyWindow(options.StandardWindow, "use messaging_type MESSAGE_TAG with tag HUMAN_AGENT (7 days) or a utility template");
    }
}
