using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Normalizer.Testing;

namespace Normalizer.Host.Tests.Workers;

/// <summary>
/// The retention worker prunes once the clock passes a retention, and does not run when disabled. What the pruner deletes
/// and keeps is the store's contract (Normalizer.Storage.Tests, RetentionContract).
/// </summary>
public sealed class RetentionWorkerTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Worker_PrunesWhenTheClockPassesTheRetention_UnlessDisabled(bool enabled)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new NormalizerApplication(settings: new Dictionary<string, string?>
        {
            ["Normalizer:Retention:Enabled"] = enabled ? "true" : "false",
            ["Normalizer:Retention:Events"] = "1.00:00:00",
        })
        {
            Time = clock,
        };
        using var api = app.Api();
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(Fixture.Sample("messenger-text-batch.json"))).StatusCode);
        await app.WaitForEventsAsync(3);
        await app.WaitForDrainAsync();

        clock.Advance(TimeSpan.FromDays(2)); // completes the worker's one-minute wait; the events are two days old
        var left = await EventsAsync(api);
        for (var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(enabled ? 20 : 1); left.Count > 0 && DateTime.UtcNow < deadline; left = await EventsAsync(api))
        {
            await Task.Delay(50);
            clock.Advance(TimeSpan.FromMinutes(1)); // a worker that began its wait only after the first advance
        }

        var loops = (await app.CreateClient().GetFromJsonAsync<JsonElement>("/readyz")).GetProperty("loops");

        Assert.Equal(enabled ? 0 : 3, left.Count);
        Assert.Equal(enabled, loops.EnumerateArray().Any(l => l.GetProperty("name").GetString() == "retention"));
    }

    private static async Task<List<JsonElement>> EventsAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>("/v1/events")).GetProperty("data").EnumerateArray().Select(e => e.Clone()).ToList();
}
