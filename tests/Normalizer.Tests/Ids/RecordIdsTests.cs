using Normalizer.Ids;

namespace Normalizer.Tests.Ids;

public sealed class RecordIdsTests
{
    [Fact]
    public void New_At_IsAVersion7UuidWithTheUnixMillisecondsFirst()
    {
        // 2025-11-21T08:00:00.123Z = 1763712000123 ms = 0x019AA56D607B (RFC 9562 §5.7: unix_ts_ms, big-endian, first 48 bits).
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_763_712_000_123);

        var id = RecordIds.New(at).ToString();

        Assert.Matches("^019aa56d-607b-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
        Assert.Equal(7, RecordIds.New(at).Version);
    }

    [Fact]
    public void New_ManyAtTheSameMillisecond_AllDistinct()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_763_712_000_123);

        var ids = Enumerable.Range(0, 100_000).Select(_ => RecordIds.New(at)).ToHashSet();

        Assert.Equal(100_000, ids.Count);
    }

    [Fact]
    public void New_LaterMillisecond_SortsAfter()
    {
        var first = RecordIds.New(DateTimeOffset.FromUnixTimeMilliseconds(1_763_712_000_123)).ToString();
        var second = RecordIds.New(DateTimeOffset.FromUnixTimeMilliseconds(1_763_712_000_124)).ToString();

        Assert.True(string.CompareOrdinal(first, second) < 0);
    }
}
