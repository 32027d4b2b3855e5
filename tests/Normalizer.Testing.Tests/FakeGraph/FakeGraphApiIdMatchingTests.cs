using System.Net;
using System.Text.Json;
using static Normalizer.Testing.Tests.FakeGraph.TestGraph;

namespace Normalizer.Testing.Tests.FakeGraph;

public sealed class FakeGraphApiIdMatchingTests
{
    [Fact]
    public async Task IdsForPages_AppTokenAndProof_ReturnsPsidsWithPages()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.GetAsync($"{Asid}/ids_for_pages", AppToken, AppSecret);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var data = reply.Json.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal([(Psid, PageId, "Test Page"), (Page2Psid, Page2Id, "Second Page")],
            data.Select(d => (Id(d), Id(d.GetProperty("page")), d.GetProperty("page").GetProperty("name").GetString()!)));
        Assert.Equal(JsonValueKind.Object, reply.Json.GetProperty("paging").ValueKind);
    }

    [Fact]
    public async Task IdsForPages_PageFilter_ReturnsThatPageOnly()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.GetAsync($"{Asid}/ids_for_pages?page={Page2Id}", AppToken, AppSecret);

        Assert.Equal(Page2Psid, Id(Assert.Single(reply.Json.GetProperty("data").EnumerateArray())));
    }

    [Fact]
    public async Task IdsForPages_PageToken_Returns190()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.GetAsync($"{Asid}/ids_for_pages", PageToken, AppSecret);

        Assert.Equal(190, reply.Code);
    }

    [Fact]
    public async Task IdsForPages_MissingProofOnAppNotRequiringIt_StillReturns100()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.GetAsync($"{OtherAppAsid}/ids_for_pages", OtherAppId + "|" + OtherAppSecret, secret: null);

        Assert.Equal(100, reply.Code);
        Assert.Equal("API calls from the server require an appsecret_proof argument", reply.Message);
    }

    [Fact]
    public async Task IdsForPages_AsidOfAnotherApp_Returns100()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.GetAsync($"{OtherAppAsid}/ids_for_pages", AppToken, AppSecret);

        Assert.Equal((100, 33), (reply.Code!.Value, reply.Subcode!.Value));
    }

    [Fact]
    public async Task RelinkAsid_AfterPsidReset_IdsForPagesReturnsTheNewPsid()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);
        sut.MarkReset(PageId, Psid).RelinkAsid(Asid, PageId, "7000000000000077");

        var ids = await http.GetAsync($"{Asid}/ids_for_pages?page={PageId}", AppToken, AppSecret);
        var oldSend = await http.PostJsonAsync($"{PageId}/messages", Text(Psid), PageToken, AppSecret);
        var newSend = await http.PostJsonAsync($"{PageId}/messages", Text("7000000000000077"), PageToken, AppSecret);

        Assert.Equal("7000000000000077", Id(Assert.Single(ids.Json.GetProperty("data").EnumerateArray())));
        Assert.Equal(551, oldSend.Code);
        Assert.Equal(HttpStatusCode.OK, newSend.Status);
    }

    [Fact]
    public async Task IdsForApps_PageTokenAndProof_ReturnsAsidsWithApp()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.GetAsync($"{Psid}/ids_for_apps", PageToken, AppSecret);

        var item = Assert.Single(reply.Json.GetProperty("data").EnumerateArray());
        Assert.Equal((Asid, AppId, "Test App"), (Id(item), Id(item.GetProperty("app")), item.GetProperty("app").GetProperty("name").GetString()!));
    }

    [Fact]
    public async Task IdsForApps_PsidOfAnotherPage_Returns100()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.GetAsync($"{Page2Psid}/ids_for_apps", PageToken, AppSecret);

        Assert.Equal(100, reply.Code);
    }

    [Fact]
    public async Task PagesIdMapping_ValidAsids_ReturnsPsidsOfTheTokensPage()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.PostFormAsync("pages_id_mapping", Form(Page2Token, Asid));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(Page2Psid, Id(Assert.Single(reply.Json.GetProperty("data").EnumerateArray())));
    }

    [Fact]
    public async Task PagesIdMapping_InvalidIdsWithoutIgnore_Returns100ListingThem()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.PostFormAsync("pages_id_mapping", Form(PageToken, $"{Asid},{OtherAppAsid},123"));

        Assert.Equal(100, reply.Code);
        var invalid = reply.Error.GetProperty("error_data").GetProperty("invalid_ids").EnumerateArray().Select(e => e.GetString());
        Assert.Equal([OtherAppAsid, "123"], invalid);
    }

    [Fact]
    public async Task PagesIdMapping_InvalidIdsWithIgnore_DropsThem()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);
        var form = Form(PageToken, $"123,{Asid},{OtherAppAsid}");
        form["ignore_invalid_ids"] = "true";

        var reply = await http.PostFormAsync("pages_id_mapping", form);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(Psid, Id(Assert.Single(reply.Json.GetProperty("data").EnumerateArray())));
    }

    [Fact]
    public async Task PagesIdMapping_MoreThan200Ids_Returns100()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.PostFormAsync("pages_id_mapping", Form(PageToken, string.Join(',', Enumerable.Repeat(Asid, 201))));

        Assert.Equal(100, reply.Code);
    }

    [Fact]
    public async Task PagesIdMapping_MissingProof_Returns100()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);
        var form = Form(PageToken, Asid);
        form.Remove("appsecret_proof");

        var reply = await http.PostFormAsync("pages_id_mapping", form);

        Assert.Equal("API calls from the server require an appsecret_proof argument", reply.Message);
    }

    private static Dictionary<string, string> Form(string pageToken, string userIds) => new()
    {
        ["user_ids"] = userIds,
        ["access_token"] = pageToken,
        ["appsecret_proof"] = Testing.FakeGraph.FakeGraphApi.AppSecretProof(pageToken, AppSecret),
    };

    private static string Id(JsonElement e) => e.GetProperty("id").GetString()!;
}
