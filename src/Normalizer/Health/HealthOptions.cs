namespace Normalizer.Health;

/// <summary>Section <c>Normalizer:Health</c>: when <c>/readyz</c> says the host is degraded.</summary>
public sealed class HealthOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Normalizer:Health";

    /// <summary>The oldest unprocessed webhook may wait this long; beyond it the host is degraded.</summary>
    public TimeSpan MaxInboxLag { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A background loop working this long without a heartbeat is stalled, and the host degraded.</summary>
    public TimeSpan StallAfter { get; set; } = TimeSpan.FromSeconds(30);
}
