using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace Normalizer.Host.Tests.Auth;

/// <summary>Requests without a valid API key are limited per client IP; requests with one never are.</summary>
public sealed class ApiKeyRateLimitingTests : IAsyncLifetime
{
    private const int Limit = 3;

    private readonly NormalizerApplication _app = new(settings: new Dictionary<string, string?>
    {
        ["Normalizer:ApiKeyFailureLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Normalizer:ApiKeyFailureWindow"] = "00:10:00",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Get_AfterLimitBadKeys_Returns429WithRetryAfterAndJsonError()
    {
        var statuses = new List<int>();
        for (var i = 0; i < Limit; i++)
        {
            statuses.Add((await GetAsync("10.1.1.1", "wrong-key-" + i)).StatusCode);
        }

        var limited = await GetAsync("10.1.1.1", "wrong-key-last");
        var anonymous = await GetAsync("10.1.1.1", key: null);

        Assert.Equal(Enumerable.Repeat(401, Limit), statuses);
        Assert.Equal(429, limited.StatusCode);
        Assert.Equal("too_many_attempts", JsonDocument.Parse(limited.Body).RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.StartsWith("application/json", limited.ContentType, StringComparison.Ordinal);
        Assert.InRange(int.Parse(limited.RetryAfter!, System.Globalization.CultureInfo.InvariantCulture), 1, 600);
        Assert.Equal(429, anonymous.StatusCode);
    }

    [Fact]
    public async Task Get_GoodKeyWhileLimited_StillAnswers200()
    {
        for (var i = 0; i <= Limit; i++)
        {
            await GetAsync("10.2.2.2", "wrong-key");
        }

        var good = await GetAsync("10.2.2.2", NormalizerApplication.ApiKey);
        var stillBad = await GetAsync("10.2.2.2", "wrong-key");

        Assert.Equal(200, good.StatusCode);
        Assert.Equal(429, stillBad.StatusCode);
    }

    [Fact]
    public async Task Get_ManyRequestsWithGoodKey_AreNeverLimitedAndTakeNoPermit()
    {
        var statuses = new List<int>();
        for (var i = 0; i < 4 * Limit; i++)
        {
            statuses.Add((await GetAsync("10.3.3.3", NormalizerApplication.ApiKey)).StatusCode);
        }

        var firstBad = await GetAsync("10.3.3.3", "wrong-key");

        Assert.All(statuses, s => Assert.Equal(200, s));
        Assert.Equal(401, firstBad.StatusCode);
    }

    [Fact]
    public async Task Get_OneAddressLimited_OtherAddressStillGets401()
    {
        for (var i = 0; i <= Limit; i++)
        {
            await GetAsync("10.4.4.4", "wrong-key");
        }

        var other = await GetAsync("10.5.5.5", "wrong-key");
        var sameSlash64 = await GetAsync("2001:db8:1:2::1", "wrong-key");

        Assert.Equal(401, other.StatusCode);
        Assert.Equal(401, sameSlash64.StatusCode);
    }

    [Fact]
    public async Task Get_IPv6ClientsOfOneSlash64_ShareTheLimit()
    {
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(401, (await GetAsync($"2001:db8:7:7::{i + 1:x}", "wrong-key")).StatusCode);
        }

        var limited = await GetAsync("2001:db8:7:7:ffff::1", "wrong-key");

        Assert.Equal(429, limited.StatusCode);
    }

    private async Task<Answer> GetAsync(string clientIp, string? key)
    {
        var context = await _app.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(clientIp);
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/v1/subscriptions";
            if (key is not null)
            {
                c.Request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key).ToString();
            }
        });
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return new Answer(context.Response.StatusCode, body, context.Response.ContentType, context.Response.Headers.RetryAfter.ToString() is { Length: > 0 } r ? r : null);
    }

    private sealed record Answer(int StatusCode, string Body, string? ContentType, string? RetryAfter);
}
