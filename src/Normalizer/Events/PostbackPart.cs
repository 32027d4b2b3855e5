using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>A postback (a button was tapped).</summary>
public sealed record PostbackPart
{
    /// <summary>The postback's message id (Messenger since v11.0).</summary>
    [Description("The postback's message id (Messenger since v11.0).")]
    public string? Mid { get; init; }

    /// <summary>Title of the button.</summary>
    [Description("Title of the button.")]
    public string? Title { get; init; }

    /// <summary>Payload set on the button (absent on standby postbacks).</summary>
    [Description("Payload set on the button (absent on standby postbacks).")]
    public string? Payload { get; init; }

    /// <summary>Referral that came with the postback (ads, m.me links).</summary>
    [Description("Referral that came with the postback (ads, m.me links).")]
    public ReferralPart? Referral { get; init; }
}
