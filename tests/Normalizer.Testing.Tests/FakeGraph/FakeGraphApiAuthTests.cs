using System.Net;
using Normalizer.Testing.FakeGraph;
using static Normalizer.Testing.Tests.FakeGraph.TestGraph;

namespace Normalizer.Testing.Tests.FakeGraph;

public sealed class FakeGraphApiAuthTests
{
    [Fact]
    public async Task PostMessages_RightTokenAndProof_Returns200WithRecipientAndMessageId()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, AppSecret);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(Psid, reply.Get("recipient_id"));
        Assert.StartsWith("m_", reply.Get("message_id"));
    }

    [Fact]
    public async Task PostMessages_BearerToken_IsAccepted()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, AppSecret, bearer: true);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(FakeGraphTokenSource.BearerHeader, Assert.Single(sut.Calls).TokenSource);
    }

    [Fact]
    public async Task PostMessages_UnknownToken_Returns190WithGraphErrorShape()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.PostJsonAsync($"{PageId}/messages", Text(Psid), "not-a-token", AppSecret);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(190, reply.Code);
        Assert.Equal("OAuthException", reply.Error.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(reply.Error.GetProperty("fbtrace_id").GetString()));
        Assert.Equal(GraphErrorDefaults.InvalidToken, reply.Message);
    }

    [Fact]
    public async Task PostMessages_AnotherPagesToken_Returns190()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.PostJsonAsync($"{PageId}/messages", Text(Psid), Page2Token, AppSecret);

        Assert.Equal(190, reply.Code);
    }

    [Fact]
    public async Task PostMessages_NoToken_Returns104()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.PostJsonAsync($"{PageId}/messages", Text(Psid), token: null, secret: null);

        Assert.Equal(104, reply.Code);
        Assert.Equal(FakeGraphTokenKind.None, Assert.Single(sut.Calls).TokenKind);
    }

    [Fact]
    public async Task PostMessages_MissingProof_Returns100WithExactMessage()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, secret: null);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(100, reply.Code);
        Assert.Equal("API calls from the server require an appsecret_proof argument", reply.Message);
        Assert.Equal(AppSecretProofCheck.Missing, Assert.Single(sut.Calls).Proof);
    }

    [Fact]
    public async Task PostMessages_ProofFromAnotherAppsSecret_Returns100WithExactMessage()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, OtherAppSecret);

        Assert.Equal(100, reply.Code);
        Assert.Equal("Invalid appsecret_proof provided in the API argument", reply.Message);
        Assert.Equal(AppSecretProofCheck.Invalid, Assert.Single(sut.Calls).Proof);
    }

    [Fact]
    public async Task PostMessages_UppercaseProof_IsInvalid()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);
        var proof = FakeGraphApi.AppSecretProof(PageToken, AppSecret).ToUpperInvariant();

        var reply = await http.PostJsonAsync($"{PageId}/messages?appsecret_proof={proof}", Text(Psid), PageToken, secret: null);

        Assert.Equal("Invalid appsecret_proof provided in the API argument", reply.Message);
    }

    [Fact]
    public async Task PostMessages_AppNotRequiringProof_AcceptsMissingProof()
    {
        await using var sut = await StartAsync(g => g.AddUser(OtherAppPageId, "7200000000000009"));
        using var http = new GraphHttp(sut);

        var reply = await http.PostJsonAsync($"{OtherAppPageId}/messages", Text("7200000000000009"), OtherAppPageToken, secret: null);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task AppSecretProof_KnownVector_IsLowercaseHexHmacSha256()
    {
        // The well-known HMAC-SHA256 example: key "key", message "The quick brown fox jumps over the lazy dog".
        var proof = FakeGraphApi.AppSecretProof("The quick brown fox jumps over the lazy dog", "key");

        Assert.Equal("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", proof);
    }
}
