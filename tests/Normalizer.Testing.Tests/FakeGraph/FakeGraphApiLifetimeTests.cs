using System.Net;
using Normalizer.Testing.FakeGraph;
using static Normalizer.Testing.Tests.FakeGraph.TestGraph;

namespace Normalizer.Testing.Tests.FakeGraph;

public sealed class FakeGraphApiLifetimeTests
{
    [Fact]
    public async Task StartAsync_PortZero_ListensOnLoopbackEphemeralPort()
    {
        await using var sut = await StartAsync();

        Assert.Equal("127.0.0.1", sut.BaseUrl.Host);
        Assert.NotEqual(0, sut.Port);
        Assert.EndsWith("/", sut.BaseUrl.AbsoluteUri);
    }

    [Fact]
    public async Task StartAsync_FixedPort_ServesOnThatLoopbackPort()
    {
        var port = GraphTestBed.ClosedPortUrl().Port;
        await using var sut = await FakeGraphApi.StartAsync(FakeGraphDemo.Configure, port);
        using var http = new GraphHttp(sut);

        var reply = await http.PostJsonAsync(
            "me/messages", Text("7723419865501234"), FakeGraphDemo.MessengerToken, FakeGraphDemo.AppSecret);

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), sut.BaseUrl);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task StartAsync_TwoInstances_GetDifferentPorts()
    {
        await using var first = await StartAsync();
        await using var second = await StartAsync();

        Assert.NotEqual(first.Port, second.Port);
    }

    [Fact]
    public async Task DisposeAsync_RunningServer_StopsListening()
    {
        var sut = await StartAsync();
        using var client = new HttpClient { BaseAddress = sut.BaseUrl };

        await sut.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("v25.0/me"));
    }

    [Fact]
    public async Task DisposeAsync_WithHangingRequest_Completes()
    {
        var sut = await StartAsync();
        using var http = new GraphHttp(sut);
        sut.Script(PageId).Hang();
        var recorded = new TaskCompletionSource();
        sut.CallRecorded += _ => recorded.TrySetResult();
        var pending = http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, AppSecret);
        await recorded.Task;

        await sut.DisposeAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => pending);
    }

    [Fact]
    public async Task Configure_AfterStart_IsUsedByTheNextCall()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        sut.AddUser(Page2Id, "7100000000000042");
        var reply = await http.PostJsonAsync($"{Page2Id}/messages", Text("7100000000000042"), Page2Token, AppSecret);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task Demo_Configuration_SendsWithDocumentedTokens()
    {
        await using var sut = await FakeGraphApi.StartAsync(FakeGraphDemo.Configure);
        using var http = new GraphHttp(sut);

        var reply = await http.PostJsonAsync(
            "me/messages", Text("7723419865501234"), FakeGraphDemo.MessengerToken, FakeGraphDemo.AppSecret);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }
}
