namespace Normalizer.Sending;

/// <summary>Section <c>Normalizer:Send</c>: retries and per-token pacing.</summary>
public sealed class SendOptions
{
    /// <summary>The section name.</summary>
    public const string Section = "Normalizer:Send";

    /// <summary>Calls per send on <c>transient</c> / <c>rate_limited</c>, the first included.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First backoff delay; doubled per retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between two attempts, also the cap on Meta's own retry-after hints.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Calls per second per token (Messenger allows 300/s per Page, WhatsApp 80 mps per number).</summary>
    public int PermitsPerSecond { get; set; } = 80;

    /// <summary>The reply window of a free-form message.</summary>
    public TimeSpan StandardWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The window of HUMAN_AGENT / CUSTOMER_FEEDBACK tags (Messenger, Instagram).</summary>
    public TimeSpan HumanAgentWindow { get; set; } = TimeSpan.FromDays(7);
}
