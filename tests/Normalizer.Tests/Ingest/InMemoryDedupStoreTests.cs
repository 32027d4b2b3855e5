using Normalizer.Storage;

namespace Normalizer.Tests.Ingest;

public sealed class InMemoryDedupStoreTests
{
    [Fact]
    public async Task TryClaim_BeyondCapacity_ForgetsOldestAndStaysBounded()
    {
        var sut = new InMemoryDedupStore(capacity: 3);

        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            Assert.True(await sut.TryClaimAsync(id, default));
        }

        Assert.Equal(3, sut.Count);
        Assert.False(await sut.TryClaimAsync("d", default));
        Assert.True(await sut.TryClaimAsync("a", default));
    }

    [Fact]
    public async Task TryClaim_ConcurrentSameId_OnlyOneWins()
    {
        var sut = new InMemoryDedupStore();

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => sut.TryClaimAsync("evt_x", default).AsTask())));

        Assert.Single(results, r => r);
    }
}
