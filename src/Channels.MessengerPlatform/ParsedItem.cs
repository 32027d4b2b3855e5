using Normalizer.Events;

namespace Normalizer.Channels.MessengerPlatform;

/// <summary>What one messaging item turned out to be: its event name, dedup key and part.</summary>
/// <param name="Name">The event name; null when the item is of no kind we know.</param>
/// <param name="Key">The dedup key, unique per item within one page (after <see cref="KeyPrefix"/>).</param>
internal readonly record struct ParsedItem(string? Name, string Key)
{
    /// <summary>The start of the dedup key (<c>message:</c>), kept apart so that the key is never concatenated.</summary>
    public string KeyPrefix { get; init; } = "";

    public MessagePart? Message { get; init; }
    public PostbackPart? Postback { get; init; }
    public ReactionPart? Reaction { get; init; }
    public ReadPart? Read { get; init; }
    public DeliveryPart? Delivery { get; init; }
    public OptinPart? Optin { get; init; }
    public ReferralPart? Referral { get; init; }
    public HandoverPart? Handover { get; init; }
    public AccountLinkingPart? AccountLinking { get; init; }
    public PolicyPart? Policy { get; init; }

    /// <summary>The item concerns the Page, not a person (policy enforcement, app roles): it has no sender.</summary>
    public bool PageLevel { get; init; }
}
