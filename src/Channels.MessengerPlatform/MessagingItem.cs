using Normalizer.Events;

namespace Normalizer.Channels.MessengerPlatform;

/// <summary>
/// What one <c>messaging[]</c> item holds, read in one pass by <see cref="MessagingKinds.Read"/>: its ids and every
/// payload it carries (a property's last occurrence wins; one of an unexpected type reads as absent).
/// </summary>
internal struct MessagingItem
{
    /// <summary>sender.id.</summary>
    public string? Sender;

    /// <summary>sender.user_ref: chat-plugin guests and checkbox opt-ins have no PSID yet.</summary>
    public string? SenderUserRef;

    /// <summary>recipient.id.</summary>
    public string? Recipient;

    /// <summary>The item's own timestamp (not the entry's).</summary>
    public long? Timestamp;

    public MessagePart? Message;
    public bool MessageDeleted;
    public MessagePart? Edit;
    public ReactionPart? Reaction;
    public DeliveryPart? Delivery;
    public ReadPart? Read;
    public PostbackPart? Postback;
    public ReferralPart? Referral;

    /// <summary>The optin with its own user_ref only (the sender's is added when the item is an opt-in).</summary>
    public OptinPart? Optin;

    public OptinPart? Optout;
    public HandoverPart? PassThreadControl;
    public HandoverPart? TakeThreadControl;
    public HandoverPart? RequestThreadControl;
    public PolicyPart? Policy;
    public HandoverPart? AppRoles;
    public AccountLinkingPart? AccountLinking;
}
