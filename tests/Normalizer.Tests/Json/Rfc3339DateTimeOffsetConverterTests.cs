using System.Text.Json;
using Normalizer.Json;

namespace Normalizer.Tests.Json;

public sealed class Rfc3339DateTimeOffsetConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new Rfc3339DateTimeOffsetConverter() } };

    public static TheoryData<DateTimeOffset, string> Times => new()
    {
        { new DateTimeOffset(2026, 11, 22, 2, 11, 30, 123, TimeSpan.Zero), "\"2026-11-22T02:11:30.123Z\"" },
        { new DateTimeOffset(2026, 1, 1, 1, 0, 0, 5, TimeSpan.FromHours(2)), "\"2025-12-31T23:00:00.005Z\"" },
        { new DateTimeOffset(2025, 7, 9, 23, 59, 59, 999, TimeSpan.FromHours(-5)).AddTicks(9_999), "\"2025-07-10T04:59:59.999Z\"" },
        { new DateTimeOffset(999, 3, 4, 0, 0, 0, TimeSpan.Zero), "\"0999-03-04T00:00:00.000Z\"" },
    };

    [Theory]
    [MemberData(nameof(Times))]
    public void Write_AnyOffset_IsUtcWithMilliseconds(DateTimeOffset value, string expected) =>
        Assert.Equal(expected, JsonSerializer.Serialize(value, Options));

    [Theory]
    [MemberData(nameof(Times))]
    public void Read_WhatWasWritten_IsTheSameInstantToTheMillisecond(DateTimeOffset value, string written)
    {
        var read = JsonSerializer.Deserialize<DateTimeOffset>(written, Options);

        Assert.Equal(value.ToUnixTimeMilliseconds(), read.ToUnixTimeMilliseconds());
        Assert.Equal(TimeSpan.Zero, read.Offset);
    }
}
