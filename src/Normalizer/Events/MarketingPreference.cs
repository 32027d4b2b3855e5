namespace Normalizer.Events;

/// <summary>
/// A customer's choice about the business's marketing messages, as an event states it: an <c>optout.received</c> or
/// <c>optin.received</c> whose part's type is <see cref="Category"/> (WhatsApp user_preferences). Such a choice leaves the
/// customer reachable and opens no reply window; it only decides whether marketing messages may go out.
/// </summary>
public static class MarketingPreference
{
    /// <summary>The opt-in/opt-out type of a marketing messages preference.</summary>
    public const string Category = "marketing_messages";

    /// <summary>True when <paramref name="evt"/> says its customer stopped marketing messages, false when resumed, else null.</summary>
    public static bool? StoppedBy(NormalizedEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return evt.Event switch
        {
            EventName.OptoutReceived when evt.Optout?.Type == Category => true,
            EventName.OptinReceived when evt.Optin?.Type == Category => false,
            _ => null,
        };
    }
}
