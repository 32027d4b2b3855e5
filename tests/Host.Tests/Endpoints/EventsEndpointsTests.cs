using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Normalizer.Testing;

namespace Normalizer.Host.Tests.Endpoints;

public sealed class EventsEndpointsTests : IAsyncLifetime
{
    private readonly NormalizerApplication _app = new();

    public async Task InitializeAsync()
    {
        foreach (var sample in new[] { "messenger-text-batch.json", "instagram-text.json", "whatsapp-text-and-status.json" })
        {
            await _app.PostWebhookAsync(Fixture.Sample(sample));
        }

        await _app.WaitForEventsAsync(6);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/v1/events")]
    [InlineData("/v1/events/evt_x")]
    [InlineData("/v1/quarantine")]
    public async Task Get_WithoutOrWithWrongKey_Returns401(string path)
    {
        using var anonymous = _app.CreateClient();
        using var wrong = _app.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new("Bearer", "not-the-key");

        var none = await anonymous.GetAsync(path);
        var bad = await wrong.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal("unauthorized", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ListEvents_PagedWithCursor_ReturnsAllInOrderOnce()
    {
        using var api = _app.Api();
        var seen = new List<string>();
        string? cursor = null;

        for (var i = 0; i < 10; i++)
        {
            var page = await api.GetFromJsonAsync<JsonElement>("/v1/events?limit=4" + (cursor is null ? "" : "&after=" + cursor));
            var data = page.GetProperty("data").EnumerateArray().ToList();
            seen.AddRange(data.Select(e => e.GetProperty("id").GetString()!));
            if (data.Count == 0)
            {
                Assert.Equal(JsonValueKind.Null, page.GetProperty("next_cursor").ValueKind);
                break;
            }

            cursor = page.GetProperty("next_cursor").GetString();
        }

        var all = (await _app.WaitForEventsAsync(0)).Select(e => e.GetProperty("id").GetString()!).ToList();
        Assert.Equal(6, seen.Count);
        Assert.Equal(all, seen);
    }

    [Theory]
    [InlineData("platform=whatsapp", 2)]
    [InlineData("platform=instagram", 1)]
    [InlineData("page_id=231198744410002", 1)]
    [InlineData("event=message.received", 4)]
    [InlineData("platform=facebook&event=postback.received", 1)]
    public async Task ListEvents_Filtered_ReturnsOnlyMatching(string query, int count)
    {
        using var api = _app.Api();

        var page = await api.GetFromJsonAsync<JsonElement>("/v1/events?" + query);

        Assert.Equal(count, page.GetProperty("data").GetArrayLength());
    }

    [Theory]
    [InlineData("after=abc")]
    [InlineData("after=-1")]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    [InlineData("platform=telegram")]
    [InlineData("event=message.sneezed")]
    public async Task ListEvents_BadQuery_Returns400WithJsonError(string query)
    {
        using var api = _app.Api();

        var response = await api.GetAsync("/v1/events?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_query", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task GetEvent_Unknown_Returns404WithJsonError()
    {
        using var api = _app.Api();

        var response = await api.GetAsync("/v1/events/evt_00000000000000000000000000000000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Stream_WithAfterZero_ReplaysStoredEventsThenLiveOnes()
    {
        using var api = _app.Api();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/events/stream?after=0&platform=facebook");
        using var response = await api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var replayed = await ReadEventsAsync(reader, 3, timeout.Token);
        await _app.PostWebhookAsync(Fixture.Sample("messenger-delivery-read.json"));
        var live = await ReadEventsAsync(reader, 2, timeout.Token);

        Assert.Equal(["message.received", "message.received", "postback.received"], replayed);
        Assert.Equal(["message.delivered", "message.read"], live);
    }

    private static async Task<List<string>> ReadEventsAsync(StreamReader reader, int count, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        while (names.Count < count && await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                names.Add(line["event: ".Length..]);
            }
        }

        return names;
    }

    [Fact]
    public async Task Health_LivenessReadinessAndOpenApi_Answer()
    {
        using var client = _app.CreateClient();

        var live = await client.GetFromJsonAsync<JsonElement>("/healthz");
        var ready = await client.GetFromJsonAsync<JsonElement>("/readyz");
        var openapi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.Equal("ok", live.GetProperty("status").GetString());
        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.Equal(0, ready.GetProperty("inbox_pending").GetInt64());
        Assert.True(openapi.GetProperty("paths").TryGetProperty("/v1/events", out _));
        Assert.True(openapi.GetProperty("paths").TryGetProperty("/webhooks/{channel}", out _));
    }
}
