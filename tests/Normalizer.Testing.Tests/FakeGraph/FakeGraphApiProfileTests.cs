using System.Net;
using Normalizer.Testing.FakeGraph;
using static Normalizer.Testing.Tests.FakeGraph.TestGraph;

namespace Normalizer.Testing.Tests.FakeGraph;

public sealed class FakeGraphApiProfileTests
{
    [Fact]
    public async Task GetUser_MessengerFields_ReturnsProfile()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.GetAsync($"{Psid}?fields=first_name,last_name,profile_pic,locale", PageToken, AppSecret);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(("Ana", "García", "https://example.invalid/ana.jpg", "es_ES", Psid),
            (reply.Get("first_name"), reply.Get("last_name"), reply.Get("profile_pic"), reply.Get("locale"), reply.Get("id")));
    }

    [Fact]
    public async Task GetUser_InstagramFields_ReturnsNameAndUsername()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.GetAsync($"{Igsid}?fields=name,username,profile_pic", IgToken, AppSecret);

        Assert.Equal(("Marta", "marta.ig"), (reply.Get("name"), reply.Get("username")));
        Assert.False(reply.Json.TryGetProperty("profile_pic", out _));
    }

    [Fact]
    public async Task GetUser_InstagramFieldOnMessenger_Returns100()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.GetAsync($"{Psid}?fields=username", PageToken, AppSecret);

        Assert.Equal(100, reply.Code);
    }

    [Fact]
    public async Task GetUser_ProfileNotAvailable_Returns2018218()
    {
        await using var sut = await StartAsync(g => g.AddUser(PageId, "7000000000000005", FakeProfile.NotAvailable));
        using var http = new GraphHttp(sut);

        var reply = await http.GetAsync("7000000000000005?fields=first_name", PageToken, AppSecret);

        Assert.Equal((100, 2018218), (reply.Code!.Value, reply.Subcode!.Value));
    }

    [Fact]
    public async Task GetUser_PsidOfAnotherPage_Returns100()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.GetAsync($"{Page2Psid}?fields=first_name", PageToken, AppSecret);

        Assert.Equal((100, 33), (reply.Code!.Value, reply.Subcode!.Value));
    }
}
