namespace Normalizer.Storage;

/// <summary>
/// Section <c>Normalizer:Retention</c>: how long each kind of record is kept before the pruner deletes it. Zero keeps a
/// kind for ever. Events a subscription's cursor has not passed or that wait for a retry, and the attempts of deliveries waiting for a retry, are never pruned.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Normalizer:Retention";

    /// <summary>False turns the pruner off (read at start), for a database pruned by other means.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Raw webhook bodies, once processed (their events and quarantine records hold what they said).</summary>
    public TimeSpan Inbox { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Events (the pull API, the stream's replay, replays to subscriptions), by receive time.</summary>
    public TimeSpan Events { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Finished deliveries (delivered or dead) and their attempts, by their last update.</summary>
    public TimeSpan Deliveries { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Quarantine records.</summary>
    public TimeSpan Quarantine { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often the pruner runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Rows deleted per statement: each is its own short transaction, so ingest never waits long for the lock.</summary>
    public int BatchSize { get; set; } = 500;
}
