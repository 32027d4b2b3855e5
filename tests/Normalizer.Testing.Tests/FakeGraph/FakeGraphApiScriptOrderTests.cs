using System.Net;
using Normalizer.Testing.FakeGraph;
using static Normalizer.Testing.Tests.FakeGraph.TestGraph;

namespace Normalizer.Testing.Tests.FakeGraph;

/// <summary>Scripts are WireMock scenarios: steps in order, counted uses, recipient before asset, added at any time.</summary>
public sealed class FakeGraphApiScriptOrderTests
{
    [Fact]
    public async Task PendingScripts_FailTimesPartlyUsed_CountsTheCallsLeft()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);
        sut.Script(PageId).FailTimes(3, 613).FailWith(1200);

        await http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, AppSecret);
        await http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, AppSecret);

        Assert.Equal(2, sut.PendingScripts);
    }

    [Fact]
    public async Task Script_StepsAddedAfterTheScriptWasUsedUp_AnswerTheNextCalls()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);
        sut.Script(PageId).FailWith(613);
        var codes = new List<int?>();
        for (var i = 0; i < 2; i++)
        {
            codes.Add((await http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, AppSecret)).Code);
        }

        sut.Script(PageId).FailWith(FakeGraphError.OutsideWindow);
        for (var i = 0; i < 2; i++)
        {
            codes.Add((await http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, AppSecret)).Code);
        }

        Assert.Equal([613, null, 10, null], codes);
    }

    [Fact]
    public async Task Script_RecipientAndAssetScripts_RecipientScriptGoesFirst()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);
        sut.Script(PageId).FailWith(613);
        sut.Script(PageId, Psid).FailWith(FakeGraphError.PersonUnavailable);

        var codes = new List<int?>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add((await http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, AppSecret)).Code);
        }

        Assert.Equal([551, 613, null], codes);
    }

    [Fact]
    public async Task Script_SucceedBetweenFailures_AnswersInOrderAndMarksEachScripted()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);
        sut.Script(PageId).FailWith(613).Succeed().FailWith(613);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, AppSecret)).Status);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.OK], statuses);
        Assert.Equal([true, true, true, false], sut.Sends.Select(c => c.Scripted));
    }

    [Fact]
    public async Task Script_Delay_AnswersNormallyAsAScriptedCall()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);
        sut.Script(PageId).Delay(TimeSpan.FromMilliseconds(20));

        var reply = await http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, AppSecret);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.StartsWith("m_", reply.Get("message_id"));
        Assert.True(Assert.Single(sut.Sends).Scripted);
    }

    [Fact]
    public async Task Calls_RawScriptedAnswer_RecordsStatusBodyAndScripted()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);
        sut.Script(PageId).Respond(503, "<html>down</html>", "text/html");

        await http.Client.PostAsync(
            $"{GraphHttp.Version}/{PageId}/messages?access_token={PageToken}&appsecret_proof={FakeGraphApi.AppSecretProof(PageToken, AppSecret)}",
            new StringContent(Text(Psid)));

        var call = Assert.Single(sut.Calls);
        Assert.Equal((503, "<html>down</html>", true, FakeGraphCallKind.Send), (call.StatusCode, call.ResponseBody, call.Scripted, call.Kind));
    }
}
