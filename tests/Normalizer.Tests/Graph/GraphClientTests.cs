using System.Text.Json.Nodes;
using Normalizer.Graph;
using Normalizer.Testing;
using Normalizer.Testing.FakeGraph;
using static Normalizer.Testing.GraphTestBed;

namespace Normalizer.Tests.Graph;

public sealed class GraphClientTests
{
    [Fact]
    public async Task SendAsync_WithAppSecret_SendsBearerTokenValidProofAndPinnedVersion()
    {
        await using var bed = await StartAsync();
        var sut = bed.Get<IGraphClient>();

        var response = await sut.SendAsync(
            GraphRequest.Get(PageId, PageToken, AppSecret, new Dictionary<string, string> { ["fields"] = "name" }), CancellationToken.None);

        Assert.True(response.IsSuccess);
        Assert.Equal("Test Page", response.String("name"));
        var call = Assert.Single(bed.Graph.Calls);
        Assert.Equal(("/v25.0/1001", "v25.0", FakeGraphTokenSource.BearerHeader), (call.Path, call.Version, call.TokenSource));
        Assert.True(call.UsedToken(PageToken));
        Assert.True(call.ProofValid);
        Assert.Equal(FakeGraphApi.AppSecretProof(PageToken, AppSecret), call.Query["appsecret_proof"]);
        Assert.Equal("name", call.Query["fields"]);
    }

    [Fact]
    public async Task SendAsync_WithoutAppSecret_SendsNoProof()
    {
        await using var bed = await StartAsync();

        var response = await bed.Get<IGraphClient>().SendAsync(GraphRequest.Get(NoProofPageId, NoProofPageToken, null), CancellationToken.None);

        Assert.True(response.IsSuccess);
        Assert.Equal(AppSecretProofCheck.Missing, bed.Graph.Calls.Single().Proof);
    }

    [Fact]
    public void AppSecretProof_KnownVector_IsLowercaseHexHmacSha256()
    {
        // HMAC-SHA256(key = "key", message = "The quick brown fox jumps over the lazy dog"), RFC 4231-style well-known vector.
        Assert.Equal("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
            AppSecretProof.Compute("The quick brown fox jumps over the lazy dog", "key"));
    }

    [Fact]
    public async Task SendAsync_RequestNamingItsHost_GoesToThatHost()
    {
        await using var bed = await StartAsync();

        var response = await bed.Get<IGraphClient>().SendAsync(
            new GraphRequest { Method = HttpMethod.Get, Path = IgAccountId, AccessToken = IgToken, AppSecret = AppSecret, BaseUrl = bed.Instagram.BaseUrl },
            CancellationToken.None);

        Assert.True(response.IsSuccess);
        Assert.Empty(bed.Graph.Calls);
        Assert.Equal("/v25.0/17841400000000001", bed.Instagram.Calls.Single().Path);
    }

    [Fact]
    public async Task SendAsync_GraphError_ParsesEveryMember()
    {
        await using var bed = await StartAsync();
        bed.Graph.Script(PageId, Psid).FailWith(new FakeGraphError(551, 1545041) { UserTitle = "Unavailable", UserMessage = "Try later" });

        var response = await bed.Get<IGraphClient>().SendAsync(
            GraphRequest.Post($"{PageId}/messages", JsonNode.Parse("""{"recipient":{"id":"7000000000000001"},"messaging_type":"RESPONSE","message":{"text":"x"}}""")!, PageToken, AppSecret),
            CancellationToken.None);

        var error = Assert.IsType<GraphError>(response.Error);
        Assert.Equal(400, response.StatusCode);
        Assert.Equal((551, 1545041, "OAuthException", "(#551) This person isn't available right now."),
            (error.Code, error.Subcode, error.Type, error.Message));
        Assert.Equal(("Unavailable", "Try later"), (error.UserTitle, error.UserMessage));
        Assert.StartsWith("FakeTrace", error.FbtraceId);
        Assert.False(error.IsNetworkFailure);
    }

    [Fact]
    public async Task SendAsync_WhatsAppError_ParsesErrorDataDetails()
    {
        await using var bed = await StartAsync();
        bed.Graph.Script(WaNumberId).FailWith(131047, details: "Message failed to send because more than 24 hours have passed");

        var response = await bed.Get<IGraphClient>().SendAsync(
            GraphRequest.Post($"{WaNumberId}/messages", JsonNode.Parse("""{"messaging_product":"whatsapp","to":"+34600000000","type":"text","text":{"body":"x"}}""")!, WaToken, AppSecret),
            CancellationToken.None);

        Assert.Equal(131047, response.Error!.Code);
        Assert.Equal("Message failed to send because more than 24 hours have passed", response.Error.Details);
        Assert.Equal("whatsapp", response.Error.ErrorData!.Value.GetProperty("messaging_product").GetString());
    }

    [Fact]
    public async Task SendAsync_HtmlBody5xx_ReturnsErrorWithoutCode()
    {
        await using var bed = await StartAsync();
        bed.Graph.Script(FakeGraphCallKind.Node, PageId).Respond(502, "<html>Bad Gateway</html>", "text/html");

        var response = await bed.Get<IGraphClient>().SendAsync(GraphRequest.Get(PageId, PageToken, AppSecret), CancellationToken.None);

        Assert.Equal(502, response.StatusCode);
        Assert.Null(response.Body);
        Assert.Null(response.Error!.Code);
        Assert.Contains("502", response.Error.Message);
    }

    [Fact]
    public async Task SendAsync_RetryAfterHeader_IsReturned()
    {
        await using var bed = await StartAsync();
        bed.Graph.Script(FakeGraphCallKind.Node, PageId).Respond(429, """{"error":{"message":"slow down","code":4}}""",
            headers: new Dictionary<string, string> { ["Retry-After"] = "30" });

        var response = await bed.Get<IGraphClient>().SendAsync(GraphRequest.Get(PageId, PageToken, AppSecret), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(30), response.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_BusinessUseCaseUsage_RetryAfterIsLargestEstimateInMinutes()
    {
        await using var bed = await StartAsync();
        bed.Graph.Script(FakeGraphCallKind.Node, PageId).SucceedWithHeaders(new Dictionary<string, string>
        {
            ["X-Business-Use-Case-Usage"] =
                """{"1001":[{"type":"messenger","call_count":97,"total_cputime":23,"total_time":23,"estimated_time_to_regain_access":3}],"1002":[{"type":"pages","estimated_time_to_regain_access":12}]}""",
        });

        var response = await bed.Get<IGraphClient>().SendAsync(GraphRequest.Get(PageId, PageToken, AppSecret), CancellationToken.None);

        Assert.True(response.IsSuccess);
        Assert.Equal(TimeSpan.FromMinutes(12), response.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_ConnectionRefused_ReturnsNetworkFailure()
    {
        await using var bed = await StartAsync(baseUrl: ClosedPortUrl());

        var response = await bed.Get<IGraphClient>().SendAsync(GraphRequest.Get(PageId, PageToken, AppSecret), CancellationToken.None);

        Assert.Equal(0, response.StatusCode);
        Assert.True(response.Error!.IsNetworkFailure);
        bed.AssertNoSecretsLeaked(response.Error.Message);
    }

    [Fact]
    public async Task SendAsync_NoAnswerWithinTimeout_ReturnsNetworkFailureOnceTheClockPassesIt()
    {
        var clock = new ObservedFakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        await using var bed = await StartAsync(settings: new Dictionary<string, string?> { ["Normalizer:Graph:Timeout"] = "00:00:07" }, time: clock);
        bed.Graph.Script(FakeGraphCallKind.Node, PageId).Hang();

        var send = bed.Get<IGraphClient>().SendAsync(GraphRequest.Get(PageId, PageToken, AppSecret), CancellationToken.None);
        var timeout = await clock.NextTimeoutAsync();
        var doneBeforeTimeout = send.IsCompleted;
        clock.Advance(timeout);
        var response = await send;

        Assert.Equal(TimeSpan.FromSeconds(7), timeout);
        Assert.False(doneBeforeTimeout);
        Assert.Equal(0, response.StatusCode);
        Assert.True(response.Error!.IsNetworkFailure);
        Assert.Contains("in time", response.Error.Message);
    }

    [Fact]
    public async Task SendAsync_CallerCancels_Throws()
    {
        await using var bed = await StartAsync();
        bed.Graph.Script(FakeGraphCallKind.Node, PageId).Hang();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            bed.Get<IGraphClient>().SendAsync(GraphRequest.Get(PageId, PageToken, AppSecret), cts.Token));
    }

    [Fact]
    public async Task SendAsync_ErrorEchoingToken_ScrubsItFromMessageAndLogs()
    {
        await using var bed = await StartAsync();
        bed.Graph.Script(FakeGraphCallKind.Node, PageId).FailWith(190, message: $"Bad token {PageToken} proof {FakeGraphApi.AppSecretProof(PageToken, AppSecret)}");

        var response = await bed.Get<IGraphClient>().SendAsync(GraphRequest.Get(PageId, PageToken, AppSecret), CancellationToken.None);

        Assert.Equal(190, response.Error!.Code);
        Assert.NotEmpty(bed.Logs.Lines());
        bed.AssertNoSecretsLeaked(response.Error.Message, response.Error.ToString());
    }

    [Fact]
    public async Task SendAsync_IdWithReservedCharacters_IsEscapedInPath()
    {
        await using var bed = await StartAsync();

        var response = await bed.Get<IGraphClient>().SendAsync(GraphRequest.Get("a?b", PageToken, AppSecret), CancellationToken.None);

        Assert.Equal("/v25.0/a%3Fb", bed.Graph.Calls.Single().Path.Replace("?", "%3F", StringComparison.Ordinal));
        Assert.False(response.IsSuccess);
    }
}
