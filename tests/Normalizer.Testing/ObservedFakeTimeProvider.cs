using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Normalizer.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer created on it, so a test advances the clock exactly
/// when the code under test starts waiting, instead of sleeping or polling. Delays (<c>Task.Delay</c>, a Polly
/// backoff) and timeouts (<c>new CancellationTokenSource(timeout, timeProvider)</c>) are reported apart, because a
/// call under a timeout creates one before every attempt.
/// </summary>
public sealed class ObservedFakeTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    // A safety net against a test that waits for a wait that never comes; never reached when the test is right.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    private readonly Channel<TimeSpan> _delays = Channel.CreateUnbounded<TimeSpan>();
    private readonly Channel<TimeSpan> _timeouts = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        (state is CancellationTokenSource ? _timeouts : _delays).Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The length of the next delay started (one started earlier and not yet taken counts).</summary>
    public Task<TimeSpan> NextDelayAsync() => NextAsync(_delays);

    /// <summary>The length of the next timeout armed (one armed earlier and not yet taken counts).</summary>
    public Task<TimeSpan> NextTimeoutAsync() => NextAsync(_timeouts);

    /// <summary>Waits for the next delay and moves the clock to its end, which completes it.</summary>
    public async Task<TimeSpan> AdvanceToNextDelayAsync()
    {
        var due = await NextDelayAsync();
        Advance(due);
        return due;
    }

    /// <summary>True when no delay was started since the last one taken.</summary>
    public bool NoPendingDelay => !_delays.Reader.TryPeek(out _);

    private static async Task<TimeSpan> NextAsync(Channel<TimeSpan> timers)
    {
        using var hang = new CancellationTokenSource(Hang);
        return await timers.Reader.ReadAsync(hang.Token);
    }
}
