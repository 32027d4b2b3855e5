namespace Normalizer.Channels.MessengerPlatform;

/// <summary>What differs between Messenger and Instagram when building a Send API body (Meta's Messenger Send API).</summary>
public sealed class MessagingSendRules
{
    /// <summary>Longest text in characters (Messenger 2000, Instagram 1000).</summary>
    public required int MaxTextLength { get; init; }

    /// <summary>Tags Meta accepts with MESSAGE_TAG on this channel.</summary>
    public required IReadOnlySet<string> Tags { get; init; }
}
