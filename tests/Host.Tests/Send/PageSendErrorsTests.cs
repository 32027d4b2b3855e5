using System.Net.Http.Json;
using System.Text.Json;
using static Normalizer.Host.Tests.Send.SendFixture;

namespace Normalizer.Host.Tests.Send;

/// <summary><c>GET /v1/pages/send-errors</c>: each Page's last failed send, the token's health the console shows.</summary>
public sealed class PageSendErrorsTests : IAsyncLifetime
{
    private SendFixture _f = null!;

    public async Task InitializeAsync() => _f = await SendFixture.StartAsync();

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static object Text(string to, string pageId) =>
        new { platform = "facebook", page_id = pageId, to, message = new { type = "text", body = "Your order shipped" } };

    [Fact]
    public async Task SendErrors_NoFailedSend_AreEmpty()
    {
        await _f.InboundAsync(PageA, PsidA);
        var (status, _) = await _f.SendAsync(Text(PsidA, PageA));

        Assert.Equal(200, status);
        Assert.Empty((await ListAsync()).EnumerateArray());
    }

    [Fact]
    public async Task SendErrors_TokenExpired_NamesThePageKindCodeAndTimeWithoutTheToken()
    {
        await _f.InboundAsync(PageA, PsidA);
        await _f.InboundAsync(PageB, PsidB);
        _f.Graph.Script(PageA).FailWith(190, 463, 400);
        var failedAt = _f.Time.GetUtcNow();

        var (failed, _) = await _f.SendAsync(Text(PsidA, PageA));
        var (sent, _) = await _f.SendAsync(Text(PsidB, PageB));

        Assert.Equal(502, failed);
        Assert.Equal(200, sent);
        var errors = await ListAsync();
        var error = Assert.Single(errors.EnumerateArray());
        Assert.Equal(PageA, error.GetProperty("page_id").GetString());
        Assert.Equal("facebook", error.GetProperty("platform").GetString());
        Assert.Equal("token_invalid", error.GetProperty("kind").GetString());
        Assert.Equal(190, error.GetProperty("code").GetInt32());
        Assert.Equal(failedAt, error.GetProperty("at").GetDateTimeOffset());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.DoesNotContain(TokenA, errors.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendErrors_SecondFailure_ReplacesTheFirst()
    {
        await _f.InboundAsync(PageA, PsidA);
        _f.Graph.Script(PageA).FailWith(190, 463, 400);
        await _f.SendAsync(Text(PsidA, PageA));
        _f.Graph.Script(PageA).FailWith(10, null, 403);
        await _f.SendAsync(Text(PsidA, PageA));

        var error = Assert.Single((await ListAsync()).EnumerateArray());
        Assert.Equal("permission", error.GetProperty("kind").GetString());
        Assert.Equal(10, error.GetProperty("code").GetInt32());
    }

    private async Task<JsonElement> ListAsync()
    {
        using var api = _f.App.Api();
        return (await api.GetFromJsonAsync<JsonElement>("/v1/pages/send-errors")).GetProperty("data");
    }
}
