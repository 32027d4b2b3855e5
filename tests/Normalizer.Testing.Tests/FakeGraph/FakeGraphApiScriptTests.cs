using System.Net;
using Normalizer.Testing.FakeGraph;
using static Normalizer.Testing.Tests.FakeGraph.TestGraph;

namespace Normalizer.Testing.Tests.FakeGraph;

public sealed class FakeGraphApiScriptTests
{
    [Fact]
    public async Task Script_Fail551ThenNothing_FailsOnceThenSucceeds()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);
        sut.Script(PageId, Psid).FailWith(code: 551, subcode: 1545041, httpStatus: 400, message: "(#551) This person isn't available right now.");

        var first = await http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, AppSecret);
        var second = await http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, AppSecret);

        Assert.Equal((HttpStatusCode.BadRequest, 551, 1545041), (first.Status, first.Code!.Value, first.Subcode!.Value));
        Assert.Equal("(#551) This person isn't available right now.", first.Message);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal([true, false], sut.Sends.Select(c => c.Scripted));
    }

    [Fact]
    public async Task Script_FailTimes613_ConsumedInOrderThenNormal()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);
        sut.Script(PageId).FailTimes(2, 613).FailWith(FakeGraphError.OutsideWindow);

        var codes = new List<int?>();
        for (var i = 0; i < 4; i++)
        {
            codes.Add((await http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, AppSecret)).Code);
        }

        Assert.Equal([613, 613, 10, null], codes);
        Assert.Equal(0, sut.PendingScripts);
    }

    [Fact]
    public async Task Script_ForOneRecipient_LeavesOtherRecipientsAndPagesAlone()
    {
        await using var sut = await StartAsync(g => g.AddUser(PageId, "7000000000000003"));
        using var http = new GraphHttp(sut);
        sut.Script(PageId, Psid).FailWith(FakeGraphError.RateLimited);

        var other = await http.PostJsonAsync($"{PageId}/messages", Text("7000000000000003"), PageToken, AppSecret);
        var otherPage = await http.PostJsonAsync($"{Page2Id}/messages", Text(Page2Psid), Page2Token, AppSecret);
        var target = await http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, AppSecret);

        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Equal(HttpStatusCode.OK, otherPage.Status);
        Assert.Equal(613, target.Code);
    }

    [Fact]
    public async Task Script_CallRejectedForToken_DoesNotConsumeTheScript()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);
        sut.Script(PageId).FailWith(1200);

        var rejected = await http.PostJsonAsync($"{PageId}/messages", Text(Psid), "bad-token", AppSecret);
        var scripted = await http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, AppSecret);

        Assert.Equal(190, rejected.Code);
        Assert.Equal(1200, scripted.Code);
    }

    [Fact]
    public async Task Script_WhatsAppError_CarriesErrorDataDetails()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);
        sut.Script(WaNumberId).FailWith(code: 131047, details: "Message failed to send because more than 24 hours have passed");

        var reply = await http.PostJsonAsync($"{WaNumberId}/messages", WhatsAppText(WaId), WaToken, AppSecret, bearer: true);

        Assert.Equal(131047, reply.Code);
        var data = reply.Error.GetProperty("error_data");
        Assert.Equal("whatsapp", data.GetProperty("messaging_product").GetString());
        Assert.Equal("Message failed to send because more than 24 hours have passed", data.GetProperty("details").GetString());
    }

    [Fact]
    public async Task Script_WhatsAppThroughput_Uses429ByDefault()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);
        sut.Script(WaNumberId).FailWith(FakeGraphError.Throughput with { Subcode = 2494055 });

        var reply = await http.PostJsonAsync($"{WaNumberId}/messages", WhatsAppText(WaId), WaToken, AppSecret, bearer: true);

        Assert.Equal((HttpStatusCode.TooManyRequests, 130429, 2494055), (reply.Status, reply.Code!.Value, reply.Subcode!.Value));
    }

    [Fact]
    public async Task Script_RawResponse_ReturnsStatusBodyAndHeaders()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);
        sut.Script(PageId).Respond(502, "<html>Bad Gateway</html>", "text/html", new Dictionary<string, string> { ["Retry-After"] = "1" });
        var url = $"{GraphHttp.Version}/{PageId}/messages?access_token={PageToken}&appsecret_proof={FakeGraphApi.AppSecretProof(PageToken, AppSecret)}";

        using var response = await http.Client.PostAsync(url, new StringContent(Text(Psid)));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("<html>Bad Gateway</html>", await response.Content.ReadAsStringAsync());
        Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task Script_Hang_NeverAnswersUntilTheClientCancels()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);
        sut.Script(PageId).Hang();
        using var cancel = new CancellationTokenSource();
        sut.CallRecorded += _ => cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, AppSecret, cancellationToken: cancel.Token));
        var next = await http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, AppSecret);

        Assert.Equal(0, sut.Sends[0].StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.Status);
    }

    [Fact]
    public async Task Script_IdsForPages_FailsThatEdgeOnly()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);
        sut.Script(FakeGraphCallKind.IdsForPages, AppId).FailWith(2);

        var send = await http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, AppSecret);
        var ids = await http.GetAsync($"{Asid}/ids_for_pages", AppToken, AppSecret);

        Assert.Equal(HttpStatusCode.OK, send.Status);
        Assert.Equal(2, ids.Code);
    }
}
