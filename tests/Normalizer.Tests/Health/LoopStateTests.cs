using Normalizer.Health;

namespace Normalizer.Tests.Health;

public sealed class LoopStateTests
{
    private static readonly TimeSpan StallAfter = TimeSpan.FromSeconds(30);

    [Fact]
    public void Snapshot_FollowsWorkFailuresAndSuccess()
    {
        var clock = new Clock();
        var sut = new BackgroundLoops(clock)["inbox_worker"];

        Assert.Equal(LoopSnapshot.Idle, sut.Snapshot(StallAfter).State);
        sut.Busy();
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal((LoopSnapshot.Running, 5000L), (sut.Snapshot(StallAfter).State, sut.Snapshot(StallAfter).BusyMs!.Value));

        sut.Failed(new TimeoutException());
        sut.Failed(new InvalidOperationException());
        var failing = sut.Snapshot(StallAfter);
        Assert.Equal((LoopSnapshot.Failing, 2, 2L, "InvalidOperationException"), (failing.State, failing.ConsecutiveFailures, failing.Failures, failing.LastError));
        Assert.False(failing.Degraded); // two busy moments are not an outage
        sut.Failed(new InvalidOperationException());
        Assert.True(sut.Snapshot(StallAfter).Degraded);

        sut.Busy();
        sut.Succeeded();
        var recovered = sut.Snapshot(StallAfter);
        Assert.Equal((LoopSnapshot.Idle, 0, 3L), (recovered.State, recovered.ConsecutiveFailures, recovered.Failures));
        Assert.Equal(clock.GetUtcNow(), recovered.LastSuccessAt);
        Assert.False(recovered.Degraded);
    }

    [Fact]
    public void Failed_AnItemFailingOutsideTheHost_IsCountedButTheLoopIsNotFailing()
    {
        var sut = new LoopState("identity", new Clock());

        for (var i = 0; i < 5; i++)
        {
            sut.Failed(new HttpRequestException(), loopFailed: false);
        }

        var snapshot = sut.Snapshot(StallAfter);
        Assert.Equal((LoopSnapshot.Idle, 0, 5L, "HttpRequestException", false),
            (snapshot.State, snapshot.ConsecutiveFailures, snapshot.Failures, snapshot.LastError, snapshot.Degraded));
    }

    [Fact]
    public void Snapshot_WorkWithoutAHeartbeatPastTheLimit_IsStalled()
    {
        var clock = new Clock();
        var sut = new LoopState("inbox_worker", clock);

        sut.Busy();
        clock.Advance(StallAfter);
        Assert.Equal(LoopSnapshot.Running, sut.Snapshot(StallAfter).State);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(LoopSnapshot.Stalled, sut.Snapshot(StallAfter).State);
        sut.Busy(); // a heartbeat
        Assert.Equal(LoopSnapshot.Running, sut.Snapshot(StallAfter).State);
    }

    [Fact]
    public void BackgroundLoops_OneStatePerName_ListedByName()
    {
        var sut = new BackgroundLoops(new Clock());

        Assert.Same(sut[BackgroundLoops.Delivery], sut[BackgroundLoops.Delivery]);
        _ = sut[BackgroundLoops.InboxWriter];

        Assert.Equal([BackgroundLoops.Delivery, BackgroundLoops.InboxWriter], sut.Snapshot(StallAfter).Select(s => s.Name));
    }

    private sealed class Clock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
