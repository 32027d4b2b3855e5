using System.Net;
using Normalizer.Events;
using Normalizer.Testing.FakeGraph;
using static Normalizer.Testing.Tests.FakeGraph.TestGraph;

namespace Normalizer.Testing.Tests.FakeGraph;

public sealed class FakeGraphApiSendTests
{
    [Fact]
    public async Task PostMessages_UnknownPsid_Returns100With2018001()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.PostJsonAsync($"{PageId}/messages", Text(Page2Psid), PageToken, AppSecret);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(100, reply.Code);
        Assert.Equal(2018001, reply.Subcode);
        Assert.Equal("(#100) No matching user found", reply.Message);
    }

    [Fact]
    public async Task PostMessages_ResetRecipient_Returns551Always()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var first = await http.PostJsonAsync($"{PageId}/messages", Text(ResetPsid), PageToken, AppSecret);
        var second = await http.PostJsonAsync($"{PageId}/messages", Text(ResetPsid), PageToken, AppSecret);

        Assert.Equal((551, 1545041), (first.Code!.Value, first.Subcode!.Value));
        Assert.Equal(551, second.Code);
    }

    [Fact]
    public async Task PostMessages_Me_SendsAsTheTokensPage()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.PostJsonAsync("me/messages", Text(Psid), PageToken, AppSecret);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(PageId, Assert.Single(sut.SendsTo(PageId)).PageId);
    }

    [Fact]
    public async Task PostMessages_SenderAction_ReturnsRecipientIdOnly()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.PostJsonAsync(
            $"{PageId}/messages", $$$"""{"recipient":{"id":"{{{Psid}}}"},"sender_action":"typing_on"}""", PageToken, AppSecret);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(Psid, reply.Get("recipient_id"));
        Assert.False(reply.Json.TryGetProperty("message_id", out _));
    }

    [Fact]
    public async Task PostMessages_FormEncodedWithJsonValues_IsAccepted()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.PostFormAsync($"{PageId}/messages", new Dictionary<string, string>
        {
            ["recipient"] = $$$"""{"id":"{{{Psid}}}"}""",
            ["messaging_type"] = "UPDATE",
            ["message"] = """{"attachment":{"type":"image","payload":{"url":"https://example.invalid/a.png"}}}""",
            ["access_token"] = PageToken,
            ["appsecret_proof"] = FakeGraphApi.AppSecretProof(PageToken, AppSecret),
        });

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(FakeGraphTokenSource.Form, Assert.Single(sut.Calls).TokenSource);
    }

    [Theory]
    [InlineData("""{"recipient":{"id":"7000000000000001"},"message":{"text":"x"}}""", "(#100) The parameter messaging_type is required")]
    [InlineData("""{"messaging_type":"RESPONSE","message":{"text":"x"}}""", "(#100) The parameter recipient is required")]
    [InlineData("""{"recipient":{"id":"7000000000000001"},"messaging_type":"MESSAGE_TAG","tag":"ACCOUNT_UPDATE","message":{"text":"x"}}""", "(#100) Tag ACCOUNT_UPDATE is not allowed")]
    public async Task PostMessages_InvalidMessengerBody_Returns100(string body, string message)
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.PostJsonAsync($"{PageId}/messages", body, PageToken, AppSecret);

        Assert.Equal(100, reply.Code);
        Assert.Equal(message, reply.Message);
    }

    [Fact]
    public async Task PostMessages_EmptyMessage_Returns100With2018034()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.PostJsonAsync(
            $"{PageId}/messages", $$$"""{"recipient":{"id":"{{{Psid}}}"},"messaging_type":"RESPONSE","message":{}}""", PageToken, AppSecret);

        Assert.Equal((100, 2018034), (reply.Code!.Value, reply.Subcode!.Value));
    }

    [Fact]
    public async Task PostMessages_InstagramLoginToken_SendsWithoutMessagingType()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.PostJsonAsync(
            "me/messages", $$$"""{"recipient":{"id":"{{{Igsid}}}"},"message":{"text":"Thanks!"}}""", IgToken, AppSecret, bearer: true);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var call = Assert.Single(sut.SendsTo(IgAccountId));
        Assert.Equal(Platform.Instagram, call.Platform);
    }

    [Fact]
    public async Task PostMessages_IgsidThroughLinkedPage_RecordsInstagramAccount()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.PostJsonAsync($"{PageId}/messages", Text(LinkedIgsid), PageToken, AppSecret);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var call = Assert.Single(sut.SendsTo(LinkedIgAccountId));
        Assert.Equal((PageId, LinkedIgAccountId, Platform.Instagram), (call.PageId, call.AccountId, call.Platform!.Value));
    }

    [Fact]
    public async Task PostMessages_UnknownPageWithValidToken_Returns100()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.PostJsonAsync("999/messages", Text(Psid), PageToken, AppSecret);

        Assert.Equal((100, 33), (reply.Code!.Value, reply.Subcode!.Value));
    }

    [Fact]
    public async Task Get_UnknownPath_Returns2500()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.GetAsync($"{PageId}/conversations/extra", PageToken, AppSecret);

        Assert.Equal(2500, reply.Code);
        Assert.Equal(FakeGraphCallKind.Unknown, Assert.Single(sut.Calls).Kind);
    }
}
