using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Normalizer.Delivery;
using Normalizer.Diagnostics;
using Normalizer.Tests.Diagnostics;

namespace Normalizer.Tests.Delivery;

public sealed class DeliveryMetricsTests
{
    [Theory]
    [InlineData(200, null, "delivered")]
    [InlineData(204, null, "delivered")]
    [InlineData(301, null, "rejected")]
    [InlineData(500, null, "rejected")]
    [InlineData(null, "timeout", "unreachable")]
    [InlineData(null, "destination refused: the URL carries user info (credentials)", "unreachable")]
    public void Attempt_IsCountedByOutcome(int? status, string? error, string outcome)
    {
        using var meters = new TestMeters();
        var metrics = new DeliveryMetrics(meters.Meter);
        using var attempts = new MetricCollector<long>(meters.Factory, NormalizerMeter.Name, "normalizer.delivery.attempts");

        metrics.Attempted(new DeliveryAttempt { Attempt = 1, At = DateTimeOffset.UnixEpoch, StatusCode = status, Error = error, DurationMs = 3 });

        var measurement = Assert.Single(attempts.GetMeasurementSnapshot());
        Assert.Equal(outcome, measurement.Tags["outcome"]);
        Assert.Equal(1, measurement.Value);
    }
}
