using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Normalizer.Sending;

namespace Normalizer.Tests.Sending;

public sealed class SendRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));

    private SendRateLimiter Limiter(int permitsPerSecond) =>
        new(new ServiceCollection().Configure<SendOptions>(o => o.PermitsPerSecond = permitsPerSecond).BuildServiceProvider()
            .GetRequiredService<IOptionsMonitor<SendOptions>>(), _time);

    private List<Task> Acquire(SendRateLimiter sut, string token, int calls) =>
        [.. Enumerable.Range(0, calls).Select(_ => sut.AcquireAsync(token, CancellationToken.None))];

    [Fact]
    public async Task AcquireAsync_BurstOverTheBudget_TheRestGoOneIntervalApartInArrivalOrder()
    {
        var sut = Limiter(2);

        var calls = Acquire(sut, "token-1", 5);

        Assert.Equal([true, true, false, false, false], calls.Select(c => c.IsCompleted));
        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(calls[2].IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await calls[2];
        Assert.False(calls[3].IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        await calls[3];
        Assert.False(calls[4].IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        await calls[4];
    }

    [Fact]
    public void AcquireAsync_OneTokenSpent_AnotherTokenIsNotHeldUp()
    {
        var sut = Limiter(1);

        var shared = Acquire(sut, "shared-by-two-pages", 2);
        var other = sut.AcquireAsync("a-page-of-its-own", CancellationToken.None);

        Assert.True(shared[0].IsCompletedSuccessfully);
        Assert.False(shared[1].IsCompleted);
        Assert.True(other.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task AcquireAsync_AfterALongIdle_AllowsOneBurstOnly()
    {
        var sut = Limiter(2);
        await sut.AcquireAsync("token-1", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));

        var calls = Acquire(sut, "token-1", 3);

        Assert.Equal([true, true, false], calls.Select(c => c.IsCompleted));
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_Throws()
    {
        var sut = Limiter(1);
        await sut.AcquireAsync("token-1", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = sut.AcquireAsync("token-1", cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
