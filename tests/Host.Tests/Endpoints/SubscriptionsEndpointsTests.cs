using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Normalizer.Testing;

namespace Normalizer.Host.Tests.Endpoints;

public sealed class SubscriptionsEndpointsTests : IAsyncLifetime
{
    private const string KnownSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private readonly NormalizerApplication _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Create_WithoutSecret_Returns201WithGeneratedSecretOnce()
    {
        using var api = _app.Api();

        var response = await api.PostAsync("/v1/subscriptions", NormalizerApplication.Json(
            """{"url":"https://consumer.example/hooks?x=1","platforms":["messenger","instagram"],"page_ids":["104523987765432"],"events":["message.received"]}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString()!;
        Assert.StartsWith("sub_", id, StringComparison.Ordinal);
        Assert.Equal($"/v1/subscriptions/{id}", response.Headers.Location?.ToString());
        Assert.Equal("https://consumer.example/hooks?x=1", body.GetProperty("url").GetString());
        Assert.Equal(["facebook", "instagram"], body.GetProperty("platforms").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["104523987765432"], body.GetProperty("page_ids").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["message.received"], body.GetProperty("events").EnumerateArray().Select(p => p.GetString()));
        var secret = body.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Contains($"\"secret\":\"{secret}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(secret[6..]).Length);
    }

    [Fact]
    public async Task GetAndList_AfterCreateWithSecret_NeverReturnTheSecret()
    {
        var (id, secret) = await _app.SubscribeAsync($$"""{"url":"http://127.0.0.1:9/hook","secret":"{{KnownSecret}}"}""");
        using var api = _app.Api();

        var one = await api.GetStringAsync($"/v1/subscriptions/{id}");
        var all = await api.GetStringAsync("/v1/subscriptions");

        Assert.Equal(KnownSecret, secret);
        Assert.DoesNotContain(KnownSecret, one, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", one, StringComparison.Ordinal);
        Assert.DoesNotContain(KnownSecret, all, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", all, StringComparison.Ordinal);
        var list = JsonDocument.Parse(all).RootElement.GetProperty("data");
        Assert.Equal(id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetString());
        Assert.DoesNotContain(_app.Logs.Lines(), l => l.Contains(KnownSecret, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{}""", "'url'")]
    [InlineData("""{"url":"ftp://consumer.example/hook"}""", "'url'")]
    [InlineData("""{"url":"/relative/hook"}""", "'url'")]
    [InlineData("""{"url":"file:///etc/passwd"}""", "'url'")]
    [InlineData("""{"url":"https://user:pass@consumer.example/hook"}""", "user info")]
    [InlineData("""{"url":"http://token@consumer.example/hook"}""", "user info")]
    [InlineData("""{"url":5}""", "'url'")]
    [InlineData("""{"url":"https://c.example/h","secret":"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}""", "'secret'")]
    [InlineData("""{"url":"https://c.example/h","secret":"whsec_AAAAAAAAAAAAAAAAAAAAAAAA"}""", "'secret'")]
    [InlineData("""{"url":"https://c.example/h","secret":"whsec_%%%"}""", "'secret'")]
    [InlineData("""{"url":"https://c.example/h","platforms":["telegram"]}""", "'platforms'")]
    [InlineData("""{"url":"https://c.example/h","platforms":[]}""", "'platforms'")]
    [InlineData("""{"url":"https://c.example/h","page_ids":[""]}""", "'page_ids'")]
    [InlineData("""{"url":"https://c.example/h","page_ids":["1,2"]}""", "'page_ids'")]
    [InlineData("""{"url":"https://c.example/h","events":["message.exploded"]}""", "'events'")]
    [InlineData("""{"url":"https://c.example/h","page_id":["1"]}""", "'page_id'")]
    [InlineData("""not json""", "not valid JSON")]
    [InlineData("""[]""", "JSON object")]
    public async Task Create_InvalidField_Returns400NamingTheField(string json, string field)
    {
        using var api = _app.Api();

        var response = await api.PostAsync("/v1/subscriptions", NormalizerApplication.Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Contains(field, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(JsonDocument.Parse(await api.GetStringAsync("/v1/subscriptions")).RootElement.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Create_BodyOverTheCap_Returns413AndCreatesNothing()
    {
        using var api = _app.Api();
        var padding = new string(' ', 300 * 1024);

        var response = await api.PostAsync("/v1/subscriptions", NormalizerApplication.Json($$"""{"url":"https://c.example/h"{{padding}}}"""));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("body_too_large", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(JsonDocument.Parse(await api.GetStringAsync("/v1/subscriptions")).RootElement.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Create_InvalidSecret_DoesNotEchoIt()
    {
        using var api = _app.Api();
        const string Wrong = "whsec_c2hvcnQtYnV0LXNlY3JldA==";

        var response = await api.PostAsync("/v1/subscriptions", NormalizerApplication.Json($$"""{"url":"https://c.example/h","secret":"{{Wrong}}"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(Wrong, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UrlWithCredentials_Returns400WithoutEchoingThem()
    {
        using var api = _app.Api();

        var response = await api.PostAsync("/v1/subscriptions", NormalizerApplication.Json("""{"url":"https://alice:s3cr3t-pw@consumer.example/hook"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("invalid_subscription", JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.DoesNotContain("s3cr3t-pw", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_Existing_Returns204AndThen404()
    {
        var (id, _) = await _app.SubscribeAsync("""{"url":"https://c.example/h"}""");
        using var api = _app.Api();

        var deleted = await api.DeleteAsync($"/v1/subscriptions/{id}");
        var again = await api.DeleteAsync($"/v1/subscriptions/{id}");
        var get = await api.GetAsync($"/v1/subscriptions/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("not_found", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/v1/subscriptions")]
    [InlineData("POST", "/v1/subscriptions")]
    [InlineData("GET", "/v1/subscriptions/sub_x")]
    [InlineData("DELETE", "/v1/subscriptions/sub_x")]
    [InlineData("POST", "/v1/subscriptions/sub_x/replay")]
    [InlineData("GET", "/v1/deliveries?event_id=x")]
    public async Task AnyEndpoint_WithoutApiKey_Returns401(string method, string path)
    {
        using var client = _app.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? NormalizerApplication.Json("""{"url":"https://c.example/h"}""") : null,
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("from=abc")]
    [InlineData("from=5&to=2")]
    [InlineData("to=-1")]
    public async Task Replay_InvalidRange_Returns400(string query)
    {
        var (id, _) = await _app.SubscribeAsync("""{"url":"https://c.example/h"}""");
        using var api = _app.Api();

        var response = await api.PostAsync($"/v1/subscriptions/{id}/replay?{query}", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Replay_UnknownSubscription_Returns404()
    {
        using var api = _app.Api();

        var response = await api.PostAsync("/v1/subscriptions/sub_missing/replay", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ListDeliveries_WithoutFilter_Returns400()
    {
        using var api = _app.Api();

        var response = await api.GetAsync("/v1/deliveries");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
