using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Normalizer.Testing;

namespace Normalizer.Host.Tests.Endpoints;

public sealed class WebhookEndpointsTests : IAsyncLifetime
{
    private readonly NormalizerApplication _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("meta")]
    [InlineData("messenger")]
    [InlineData("whatsapp")]
    public async Task Handshake_RightToken_EchoesChallengeAsText(string channel)
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync(
            $"/webhooks/{channel}?hub.mode=subscribe&hub.verify_token={NormalizerApplication.VerifyToken}&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=42")]
    [InlineData("hub.mode=unsubscribe&hub.verify_token=" + NormalizerApplication.VerifyToken + "&hub.challenge=42")]
    [InlineData("hub.challenge=42")]
    public async Task Handshake_WrongTokenOrMode_Returns403WithJsonError(string query)
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync("/webhooks/meta?" + query);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("verification_failed", body.GetProperty("error").GetProperty("code").GetString());
        Assert.DoesNotContain("42", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PostWebhook_SignedSample_Returns200AndBecomesEvents()
    {
        var body = Fixture.Sample("messenger-text-batch.json");

        var response = await _app.PostWebhookAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(accepted.GetProperty("accepted").GetBoolean());
        var events = await _app.WaitForEventsAsync(3);
        Assert.Equal(["message.received", "message.received", "postback.received"], events.Select(e => e.GetProperty("event").GetString()));
        Assert.All(events, e => Assert.True(e.GetProperty("signature_verified").GetBoolean()));
    }

    [Fact]
    public async Task PostWebhook_SignedWithSecondAppSecret_IsAccepted()
    {
        var body = Fixture.Sample("instagram-text.json");

        var response = await _app.PostWebhookAsync(body, signature: Signing.XHubSignature256(body, NormalizerApplication.SecondAppSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000", "does not match")]
    [InlineData("sha256=zz", "does not match")]
    [InlineData("sha1=abcdef", "does not match")]
    [InlineData("sha256=ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ", "does not match")]
    public async Task PostWebhook_BadOrMissingSignature_Returns401AndStoresNothing(string? signature, string message)
    {
        var body = Fixture.Sample("messenger-text-batch.json");

        var response = await _app.PostWebhookAsync(body, signature: signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_signature", error.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains(message, error.GetProperty("error").GetProperty("message").GetString());
        using var client = _app.CreateClient();
        var ready = await client.GetFromJsonAsync<JsonElement>("/readyz");
        Assert.Equal(0, ready.GetProperty("inbox_pending").GetInt64());
        Assert.Empty(await _app.WaitForEventsAsync(0));
    }

    [Fact]
    public async Task PostWebhook_SignatureOfAnotherBody_Returns401()
    {
        var body = Fixture.Sample("messenger-text-batch.json");
        var other = Fixture.Sample("instagram-text.json");

        var response = await _app.PostWebhookAsync(body, signature: Signing.XHubSignature256(other, NormalizerApplication.AppSecret));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"object\":\"page\",\"entry\":[{\"id\":\"1\"", "invalid_json", "not valid JSON")]
    [InlineData("not json at all", "invalid_json", "not valid JSON")]
    [InlineData("[1,2,3]", "invalid_json", "not a JSON object")]
    [InlineData("", "invalid_json", "empty")]
    [InlineData("{\"object\":\"user\",\"entry\":[]}", "unknown_object", "unknown object 'user'")]
    [InlineData("{\"entry\":[]}", "unknown_object", "'object' is missing")]
    public async Task PostWebhook_NotJsonOrUnknownObject_Returns400WithJsonError(string text, string code, string message)
    {
        var body = Encoding.UTF8.GetBytes(text);

        var response = await _app.PostWebhookAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, error.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains(message, error.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task PostWebhook_PinnedChannelWithOtherObject_Returns400()
    {
        var body = Fixture.Sample("instagram-text.json");

        var response = await _app.PostWebhookAsync(body, path: "/webhooks/whatsapp");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("object 'instagram' does not belong to the whatsapp channel (expected 'whatsapp_business_account')",
            error.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task PostWebhook_OverSizeLimit_Returns413()
    {
        var padding = new string(' ', 1024 * 1024);
        var body = Encoding.UTF8.GetBytes("{\"object\":\"page\",\"entry\":[]" + padding + "}");

        var response = await _app.PostWebhookAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("body_too_large", error.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task PostWebhook_JsonThatCannotBeNormalized_LandsInQuarantine()
    {
        var body = Encoding.UTF8.GetBytes("{\"object\":\"page\",\"entry\":{\"id\":\"104523987765432\"}}");

        var response = await _app.PostWebhookAsync(body);
        await _app.WaitForDrainAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var api = _app.Api();
        var page = await api.GetFromJsonAsync<JsonElement>("/v1/quarantine");
        var entry = Assert.Single(page.GetProperty("data").EnumerateArray());
        Assert.Contains("'entry' is missing or not an array", entry.GetProperty("reason").GetString());
        Assert.Equal(Encoding.UTF8.GetString(body), entry.GetProperty("body").GetString());
    }
}
