using System.Net.Http.Json;
using System.Text.Json;
using Normalizer.Testing;

namespace Normalizer.Host.Tests.Endpoints;

/// <summary><c>GET /v1/events/rates</c>: the last hour's events per channel and per Page, in 5-minute buckets.</summary>
public sealed class EventRatesTests : IAsyncLifetime
{
    private readonly NormalizerApplication _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Rates_NoEvents_HaveNoSeries()
    {
        using var api = _app.Api();

        var rates = await api.GetFromJsonAsync<JsonElement>("/v1/events/rates");

        Assert.Equal(300, rates.GetProperty("bucket_seconds").GetInt32());
        Assert.Equal(0, rates.GetProperty("channels").GetArrayLength());
        Assert.Equal(0, rates.GetProperty("pages").GetArrayLength());
    }

    [Fact]
    public async Task Rates_ThreeChannels_CountEachChannelAndPageAsTheLogDoes()
    {
        foreach (var sample in new[] { "messenger-text-batch.json", "instagram-text.json", "whatsapp-text-and-status.json" })
        {
            await _app.PostWebhookAsync(Fixture.Sample(sample));
        }

        var events = await _app.WaitForEventsAsync(6);
        using var api = _app.Api();

        var rates = await api.GetFromJsonAsync<JsonElement>("/v1/events/rates");

        // An hour of whole buckets, the last one holding now: every event just received is in the range.
        var from = rates.GetProperty("from").GetDateTimeOffset();
        Assert.InRange(DateTimeOffset.UtcNow - from, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(60));
        var expectedChannels = events.GroupBy(e => e.GetProperty("platform").GetString()!).ToDictionary(g => g.Key, g => (long)g.Count());
        var expectedPages = events.GroupBy(e => $"{e.GetProperty("platform").GetString()}/{e.GetProperty("page_id").GetString()}")
            .ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expectedChannels, Totals(rates.GetProperty("channels"), s => s.GetProperty("platform").GetString()!));
        Assert.Equal(expectedPages, Totals(rates.GetProperty("pages"), s => $"{s.GetProperty("platform").GetString()}/{s.GetProperty("page_id").GetString()}"));
        Assert.All(rates.GetProperty("pages").EnumerateArray(), s => Assert.Equal(12, s.GetProperty("counts").GetArrayLength()));
    }

    private static Dictionary<string, long> Totals(JsonElement series, Func<JsonElement, string> key) =>
        series.EnumerateArray().ToDictionary(key, s => s.GetProperty("counts").EnumerateArray().Sum(c => c.GetInt64()));
}
