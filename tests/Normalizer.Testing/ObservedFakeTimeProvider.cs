using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Normalizer.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer created on it (a Polly backoff is one), so a test
/// advances the clock exactly when the code under test starts waiting, instead of sleeping or polling.
/// </summary>
public sealed class ObservedFakeTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    // A safety net against a test that waits for a wait that never comes; never reached when the test is right.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer created (one created earlier and not yet taken counts).</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var hang = new CancellationTokenSource(Hang);
        return await _timers.Reader.ReadAsync(hang.Token);
    }

    /// <summary>Waits for the next timer and moves the clock to its due time, which fires it.</summary>
    public async Task<TimeSpan> AdvanceToNextTimerAsync()
    {
        var due = await NextTimerAsync();
        Advance(due);
        return due;
    }

    /// <summary>True when no timer was created since the last one taken.</summary>
    public bool NoPendingTimer => !_timers.Reader.TryPeek(out _);
}
