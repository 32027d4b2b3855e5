using System.Net;
using Normalizer.Events;
using Normalizer.Testing.FakeGraph;
using static Normalizer.Testing.Tests.FakeGraph.TestGraph;

namespace Normalizer.Testing.Tests.FakeGraph;

public sealed class FakeGraphApiRecordingTests
{
    [Fact]
    public async Task Calls_Send_RecordsVersionQueryBodyTokenAndProof()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        await http.PostJsonAsync($"{PageId}/messages", Text(Psid, "recorded"), PageToken, AppSecret);

        var call = Assert.Single(sut.Calls);
        Assert.Equal(("POST", $"/v25.0/{PageId}/messages", "v25.0"), (call.Method, call.Path, call.Version));
        Assert.Equal((FakeGraphCallKind.Send, PageId, Psid, Platform.Facebook), (call.Kind, call.PageId!, call.Subject!, call.Platform!.Value));
        Assert.Equal((FakeGraphTokenKind.Page, PageId, FakeGraphTokenSource.Query), (call.TokenKind, call.TokenOwnerId!, call.TokenSource));
        Assert.True(call.ProofValid);
        Assert.True(call.UsedToken(PageToken));
        Assert.False(call.UsedToken(Page2Token));
        Assert.Equal(FakeGraphCall.Redacted, call.Query["access_token"]);
        Assert.Equal("recorded", call.BodyJson().GetProperty("message").GetProperty("text").GetString());
        Assert.Equal(200, call.StatusCode);
        Assert.StartsWith("m_", call.ResponseJson().GetProperty("message_id").GetString());
    }

    [Fact]
    public async Task Calls_BearerToken_IsRedactedInHeaders()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        await http.PostJsonAsync($"{WaNumberId}/messages", WhatsAppText(WaId), WaToken, AppSecret, bearer: true);

        var call = Assert.Single(sut.Calls);
        Assert.Equal("Bearer " + FakeGraphCall.Redacted, call.Headers["Authorization"]);
        Assert.DoesNotContain(sut.Calls, c => c.Headers.Values.Any(v => v.Contains(WaToken, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Calls_ErrorAnswer_RecordsCodeAndSubcode()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        await http.PostJsonAsync($"{PageId}/messages", Text("unknown"), PageToken, AppSecret);

        var call = Assert.Single(sut.Calls);
        Assert.Equal((400, 100, 2018001), (call.StatusCode, call.ErrorCode!.Value, call.ErrorSubcode!.Value));
    }

    [Fact]
    public async Task SendsTo_SeveralPages_FiltersPerPageAndRecipient()
    {
        await using var sut = await StartAsync(g => g.AddUser(PageId, "7000000000000003"));
        using var http = new GraphHttp(sut);

        await http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, AppSecret);
        await http.PostJsonAsync($"{PageId}/messages", Text("7000000000000003"), PageToken, AppSecret);
        await http.PostJsonAsync($"{Page2Id}/messages", Text(Page2Psid), Page2Token, AppSecret);
        await http.GetAsync($"{Psid}?fields=first_name", PageToken, AppSecret);

        Assert.Equal(2, sut.SendsTo(PageId).Count);
        Assert.Single(sut.SendsTo(PageId, Psid));
        Assert.Single(sut.SendsTo(Page2Id));
        Assert.Equal(3, sut.Sends.Count);
        Assert.Equal(4, sut.Calls.Count);
    }

    [Fact]
    public async Task Calls_ParallelSends_AllRecordedWithDistinctMessageIds()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var replies = await Task.WhenAll(Enumerable.Range(0, 40)
            .Select(_ => http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, AppSecret)));

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(40, replies.Select(r => r.Get("message_id")).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), sut.Calls.Select(c => c.Sequence));
    }

    [Fact]
    public async Task ClearCalls_AfterSends_EmptiesTheList()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);
        await http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, AppSecret);

        sut.ClearCalls();

        Assert.Empty(sut.Calls);
    }
}
