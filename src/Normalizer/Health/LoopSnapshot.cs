namespace Normalizer.Health;

/// <summary>One background loop's state in <c>/readyz</c>.</summary>
/// <param name="Name">The loop.</param>
/// <param name="State"><c>idle</c>, <c>running</c>, <c>failing</c> (its last unit of work failed; it retries) or <c>stalled</c>
/// (working without a heartbeat for longer than allowed).</param>
/// <param name="BusyMs">How long since the current work last moved on; absent when idle.</param>
/// <param name="ConsecutiveFailures">Failures since the last success.</param>
/// <param name="Failures">Failures since the start.</param>
/// <param name="LastError">The kind of the last failure (an exception type name).</param>
/// <param name="LastErrorAt">When it happened.</param>
/// <param name="LastSuccessAt">When a unit of work last ended well.</param>
public sealed record LoopSnapshot(
    string Name, string State, long? BusyMs, int ConsecutiveFailures, long Failures, string? LastError,
    DateTimeOffset? LastErrorAt, DateTimeOffset? LastSuccessAt)
{
    /// <summary>Waiting for work.</summary>
    public const string Idle = "idle";

    /// <summary>Working, with recent heartbeats.</summary>
    public const string Running = "running";

    /// <summary>The last unit of work failed; the loop goes on and retries.</summary>
    public const string Failing = "failing";

    /// <summary>Working without a heartbeat for longer than allowed.</summary>
    public const string Stalled = "stalled";

    /// <summary>Failures in a row after which a failing loop makes the host degraded (one busy moment does not).</summary>
    public const int DegradedAfterFailures = 3;

    /// <summary>Whether this state makes the host degraded: stalled, or failing <see cref="DegradedAfterFailures"/> times in a row.</summary>
    public bool Degraded => State == Stalled || ConsecutiveFailures >= DegradedAfterFailures;
}
