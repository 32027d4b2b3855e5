namespace Normalizer.Health;

/// <summary>
/// What one background loop (the inbox writer, the inbox worker, the delivery dispatcher, the identity worker) says about
/// itself, for <c>/readyz</c>: whether it is working on something and since when it last moved on, and its failures. Written
/// by the loop on every unit of work, so every member is a plain field write; read by <see cref="Snapshot"/>.
/// </summary>
public sealed class LoopState(string name, TimeProvider time)
{
    private long _busySince;
    private long _lastSuccess;
    private int _consecutiveFailures;
    private long _failures;
    private ErrorNote? _lastError;

    /// <summary>The loop's name in <c>/readyz</c> (snake_case).</summary>
    public string Name { get; } = name;

    /// <summary>A unit of work starts, or the current one moved on (a heartbeat): the stall clock restarts.</summary>
    public void Busy() => Volatile.Write(ref _busySince, time.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>The unit of work ended well: the loop is idle and no longer failing.</summary>
    public void Succeeded()
    {
        Volatile.Write(ref _busySince, 0);
        Volatile.Write(ref _lastSuccess, time.GetUtcNow().ToUnixTimeMilliseconds());
        if (Volatile.Read(ref _consecutiveFailures) != 0)
        {
            Volatile.Write(ref _consecutiveFailures, 0);
        }
    }

    /// <summary>
    /// The unit of work failed (the loop goes on): counted, and its kind kept (never its message, which may carry data).
    /// <paramref name="loopFailed"/> false: only one item failed for a reason outside the host (the Graph API did not
    /// answer a relink lookup, say); it is counted but does not make the loop failing.
    /// </summary>
    public void Failed(Exception exception, bool loopFailed = true)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Volatile.Write(ref _busySince, 0);
        if (loopFailed)
        {
            Interlocked.Increment(ref _consecutiveFailures);
        }

        Interlocked.Increment(ref _failures);
        Volatile.Write(ref _lastError, new ErrorNote(exception.GetType().Name, time.GetUtcNow().ToUnixTimeMilliseconds()));
    }

    /// <summary>The loop's state now; <paramref name="stallAfter"/>: how long work may go without a heartbeat.</summary>
    public LoopSnapshot Snapshot(TimeSpan stallAfter)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var busySince = Volatile.Read(ref _busySince);
        var busyMs = busySince == 0 ? (long?)null : Math.Max(0, now - busySince);
        var consecutive = Volatile.Read(ref _consecutiveFailures);
        var state = busyMs > (long)stallAfter.TotalMilliseconds ? LoopSnapshot.Stalled
            : consecutive > 0 ? LoopSnapshot.Failing
            : busyMs is null ? LoopSnapshot.Idle : LoopSnapshot.Running;
        var lastError = Volatile.Read(ref _lastError);
        var lastSuccess = Volatile.Read(ref _lastSuccess);
        return new LoopSnapshot(Name, state, busyMs, consecutive, Volatile.Read(ref _failures), lastError?.Error,
            lastError is { } e ? DateTimeOffset.FromUnixTimeMilliseconds(e.At) : null,
            lastSuccess == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(lastSuccess));
    }

    private sealed record ErrorNote(string Error, long At);
}
