using Normalizer.Host.Workers;

namespace Normalizer.Host.Tests.Workers;

public sealed class BackgroundPriorityTests
{
    [Fact]
    public void TryLowerCurrentThread_OnLinux_LowersThatThreadOnly()
    {
        var callerBefore = BackgroundPriority.CurrentThreadNice();
        (bool Lowered, int? Before, int? After) seen = default;

        var thread = new Thread(() =>
        {
            var before = BackgroundPriority.CurrentThreadNice();
            var lowered = BackgroundPriority.TryLowerCurrentThread();
            seen = (lowered, before, BackgroundPriority.CurrentThreadNice());
        });
        thread.Start();
        thread.Join();

        Assert.True(OperatingSystem.IsLinux(), "the worker's priority is a Linux nice value; this suite runs on Linux");
        Assert.True(seen.Lowered);
        Assert.Equal(callerBefore, seen.Before);
        Assert.Equal(BackgroundPriority.Nice, seen.After);
        Assert.Equal(callerBefore, BackgroundPriority.CurrentThreadNice());
    }
}
