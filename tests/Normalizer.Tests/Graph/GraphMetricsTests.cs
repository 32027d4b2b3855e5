using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Normalizer.Diagnostics;
using Normalizer.Graph;
using Normalizer.Testing;
using Normalizer.Testing.FakeGraph;
using static Normalizer.Testing.GraphTestBed;

namespace Normalizer.Tests.Graph;

public sealed class GraphMetricsTests
{
    private const string Instrument = "normalizer.graph.duration";

    [Fact]
    public async Task AnsweredCall_IsTimedWithItsMethodAndStatus()
    {
        await using var bed = await StartAsync();
        using var durations = Collector(bed);

        await bed.Get<IGraphClient>().SendAsync(GraphRequest.Get(PageId, PageToken, AppSecret), CancellationToken.None);

        var measurement = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal("GET", measurement.Tags["http.request.method"]);
        Assert.Equal(200, measurement.Tags["http.response.status_code"]);
        Assert.False(measurement.Tags.ContainsKey("error.type"));
        Assert.InRange(measurement.Value, 0, 30);
    }

    [Fact]
    public async Task CallWithoutAnswer_IsTimedUntilItsTimeout_AsATimeout()
    {
        var clock = new ObservedFakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        await using var bed = await StartAsync(settings: new Dictionary<string, string?> { ["Normalizer:Graph:Timeout"] = "00:00:07" }, time: clock);
        bed.Graph.Script(FakeGraphCallKind.Node, PageId).Hang();
        using var durations = Collector(bed);

        var send = bed.Get<IGraphClient>().SendAsync(GraphRequest.Get(PageId, PageToken, AppSecret), CancellationToken.None);
        clock.Advance(await clock.NextTimeoutAsync());
        await send;

        var measurement = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal("timeout", measurement.Tags["error.type"]);
        Assert.False(measurement.Tags.ContainsKey("http.response.status_code"));
        Assert.Equal(7, measurement.Value);
    }

    [Fact]
    public async Task RefusedConnection_IsTimedAsAConnectionError()
    {
        await using var bed = await StartAsync(baseUrl: ClosedPortUrl());
        using var durations = Collector(bed);

        await bed.Get<IGraphClient>().SendAsync(GraphRequest.Post(PageId, new System.Text.Json.Nodes.JsonObject(), PageToken, AppSecret), CancellationToken.None);

        var measurement = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal("POST", measurement.Tags["http.request.method"]);
        Assert.Equal("connection_error", measurement.Tags["error.type"]);
    }

    private static MetricCollector<double> Collector(GraphTestBed bed) =>
        new(bed.Get<IMeterFactory>(), NormalizerMeter.Name, Instrument);
}
