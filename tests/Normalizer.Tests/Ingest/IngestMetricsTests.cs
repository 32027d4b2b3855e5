using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Normalizer.Diagnostics;
using Normalizer.Events;
using Normalizer.Ingest;
using Normalizer.Storage;
using Normalizer.Tests.Diagnostics;

namespace Normalizer.Tests.Ingest;

public sealed class IngestMetricsTests : IDisposable
{
    private readonly TestMeters _meters = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _meters.Dispose();

    [Fact]
    public void Lag_CountsFromTheOldestWebhookWaiting_AndIsZeroOnceTheInboxIsEmpty()
    {
        var metrics = new IngestMetrics(_meters.Meter, _time);
        using var lag = new MetricCollector<double>(_meters.Factory, NormalizerMeter.Name, "normalizer.inbox.lag");
        var t0 = _time.GetUtcNow().ToUnixTimeMilliseconds();

        Assert.Equal(0, Observe(lag));
        metrics.Waiting(t0);
        _time.Advance(TimeSpan.FromSeconds(10));
        metrics.Waiting(t0 + 10_000); // newer: the oldest still counts
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(30, Observe(lag));

        metrics.OldestPending(t0 + 10_000); // the processor read past the first
        Assert.Equal(20, Observe(lag));

        metrics.OldestPending(null);
        Assert.Equal(0, Observe(lag));
    }

    [Fact]
    public void Stored_CountsEachEventByPlatformAndName()
    {
        var metrics = new IngestMetrics(_meters.Meter, _time);
        using var stored = new MetricCollector<long>(_meters.Factory, NormalizerMeter.Name, "normalizer.events.stored");

        metrics.Stored([Stored(1, Platform.WhatsApp, EventName.MessageReceived), Stored(2, Platform.Instagram, EventName.MessageRead)]);

        Assert.Equal(
            [("whatsapp", EventName.MessageReceived), ("instagram", EventName.MessageRead)],
            stored.GetMeasurementSnapshot().Select(m => ((string)m.Tags["platform"]!, (string)m.Tags["event"]!)));
        Assert.All(stored.GetMeasurementSnapshot(), m => Assert.Equal(1, m.Value));
    }

    [Theory]
    [InlineData(200, "accepted")]
    [InlineData(400, "bad_request")]
    [InlineData(401, "invalid_signature")]
    [InlineData(413, "too_large")]
    [InlineData(503, "unavailable")]
    public void Outcome_OfEachAnswer(int status, string outcome) => Assert.Equal(outcome, WebhookOutcome.Of(status));

    private static double Observe(MetricCollector<double> lag)
    {
        lag.RecordObservableInstruments();
        return lag.LastMeasurement!.Value;
    }

    private StoredEvent Stored(long seq, Platform platform, string name) => new(seq, new NormalizedEvent
    {
        Id = "evt_" + seq.ToString("x32", System.Globalization.CultureInfo.InvariantCulture), Platform = platform, Event = name,
        Timestamp = 1764579600, ReceivedAt = _time.GetUtcNow(), PageId = "104523987765432", PageIdType = Normalizer.Ids.IdType.PageId,
        SignatureVerified = true, Standby = false, Raw = new RawJson("{}"u8.ToArray()),
    });
}
