using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Normalizer.Host.Tests.Endpoints;

/// <summary><c>POST /v1/quarantine/{id}/reprocess</c>: a quarantined webhook goes back through the inbox.</summary>
public sealed class QuarantineReprocessTests : IAsyncLifetime
{
    private const string Unreadable = """{"object":"page","entry":"x"}""";

    private readonly NormalizerApplication _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Reprocess_Quarantined_LeavesTheQuarantineAndIsProcessedAgain()
    {
        await _app.PostWebhookAsync(Encoding.UTF8.GetBytes(Unreadable));
        await _app.WaitForDrainAsync();
        using var api = _app.Api();
        var first = Assert.Single(await QuarantineAsync(api));

        using var answer = await api.PostAsync($"/v1/quarantine/{first.GetProperty("id").GetInt64()}/reprocess", null);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var requeued = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.GetProperty("id").GetInt64(), requeued.GetProperty("quarantine_id").GetInt64());
        Assert.True(requeued.GetProperty("inbox_id").GetInt64() > first.GetProperty("inbox_id").GetInt64());
        await _app.WaitForDrainAsync();
        // Still unreadable: processed again from its new inbox row, it is quarantined anew, once.
        var second = Assert.Single(await QuarantineAsync(api));
        Assert.NotEqual(first.GetProperty("id").GetInt64(), second.GetProperty("id").GetInt64());
        Assert.Equal(requeued.GetProperty("inbox_id").GetInt64(), second.GetProperty("inbox_id").GetInt64());
        Assert.Equal(Unreadable, second.GetProperty("body").GetString());
        Assert.Equal(first.GetProperty("reason").GetString(), second.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("999")]
    [InlineData("abc")]
    public async Task Reprocess_Unknown_Returns404(string id)
    {
        using var api = _app.Api();

        using var answer = await api.PostAsync($"/v1/quarantine/{id}/reprocess", null);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal("not_found", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
    }

    private static async Task<List<JsonElement>> QuarantineAsync(HttpClient api) =>
        [.. (await api.GetFromJsonAsync<JsonElement>("/v1/quarantine")).GetProperty("data").EnumerateArray().Select(e => e.Clone())];
}
