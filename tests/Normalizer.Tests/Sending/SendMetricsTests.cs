using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Normalizer.Diagnostics;
using Normalizer.Events;
using Normalizer.Sending;
using Normalizer.Tests.Diagnostics;

namespace Normalizer.Tests.Sending;

public sealed class SendMetricsTests
{
    [Fact]
    public void Sends_AreCountedByChannel_WithTheWireNameOfTheirErrorKind()
    {
        using var meters = new TestMeters();
        var metrics = new SendMetrics(meters.Meter);
        using var sends = new MetricCollector<long>(meters.Factory, NormalizerMeter.Name, "normalizer.sends");

        metrics.Sent(Platform.Facebook, null);
        foreach (var kind in Enum.GetValues<SendErrorKind>())
        {
            metrics.Sent(Platform.WhatsApp, kind);
        }

        var measured = sends.GetMeasurementSnapshot();
        var sent = measured[0];
        Assert.Equal("facebook", sent.Tags["channel"]);
        Assert.False(sent.Tags.ContainsKey("error.type"));
        // The same names as the API's error.kind (SendErrorKind's JSON names).
        Assert.Equal(Enum.GetValues<SendErrorKind>().Select(k => System.Text.Json.JsonSerializer.Serialize(k).Trim('"')),
            measured.Skip(1).Select(m => (string)m.Tags["error.type"]!));
        Assert.All(measured.Skip(1), m => Assert.Equal("whatsapp", m.Tags["channel"]));
    }
}
