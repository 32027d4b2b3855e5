using Normalizer.Events;
using Normalizer.Identity;
using Normalizer.Ids;
using Normalizer.Sending;
using Normalizer.Testing;
using Normalizer.Testing.FakeGraph;
using static Normalizer.Testing.GraphTestBed;

namespace Normalizer.Channels.Messenger.Tests;

public sealed class GraphIdMatchingClientTests
{
    [Fact]
    public async Task IdsForPagesAsync_LinkedAsid_ReturnsPsidsWithAppTokenAndProof()
    {
        await using var bed = await StartAsync();
        var sut = bed.Get<IIdMatchingClient>();

        var result = await sut.IdsForPagesAsync(Asid, null, App(), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal([new IdMatch(Psid, PageId, Asid), new IdMatch(Page2Psid, Page2Id, Asid)], result.Matches);
        var call = Assert.Single(bed.Graph.CallsOf(FakeGraphCallKind.IdsForPages));
        Assert.Equal(("GET", "/v25.0/5000000000000001/ids_for_pages"), (call.Method, call.Path));
        Assert.True(call.UsedToken(AppToken));
        Assert.True(call.ProofValid);
    }

    [Fact]
    public async Task IdsForPagesAsync_PageFilter_SendsPageParameter()
    {
        await using var bed = await StartAsync();

        var result = await bed.Get<IIdMatchingClient>().IdsForPagesAsync(Asid, Page2Id, App(), CancellationToken.None);

        Assert.Equal([new IdMatch(Page2Psid, Page2Id, Asid)], result.Matches);
        Assert.Equal(Page2Id, bed.Graph.Calls.Single().Query["page"]);
    }

    [Fact]
    public async Task IdsForPagesAsync_AppWithoutToken_UsesAppIdPipeSecret()
    {
        await using var bed = await StartAsync();

        var result = await bed.Get<IIdMatchingClient>().IdsForPagesAsync(
            Asid, null, new Normalizer.Credentials.AppCredentials { AppId = AppId, Secret = AppSecret }, CancellationToken.None);

        Assert.Null(result.Error);
        Assert.True(bed.Graph.Calls.Single().UsedToken(AppToken));
    }

    [Fact]
    public async Task IdsForAppsAsync_KnownPsid_ReturnsAsidsWithPageTokenAndProof()
    {
        await using var bed = await StartAsync();

        var result = await bed.Get<IIdMatchingClient>().IdsForAppsAsync(Psid, MessengerPage(), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal([new IdMatch(Asid, AppId, Psid)], result.Matches);
        var call = Assert.Single(bed.Graph.CallsOf(FakeGraphCallKind.IdsForApps));
        Assert.Equal("/v25.0/7000000000000001/ids_for_apps", call.Path);
        Assert.True(call.UsedToken(PageToken));
        Assert.True(call.ProofValid);
    }

    [Fact]
    public async Task IdsForAppsAsync_UnknownPsid_ReturnsClassifiedError()
    {
        await using var bed = await StartAsync();

        var result = await bed.Get<IIdMatchingClient>().IdsForAppsAsync("7999999999999999", MessengerPage(), CancellationToken.None);

        Assert.Empty(result.Matches);
        Assert.Equal((SendErrorKind.BadRequest, 100, 33), (result.Error!.Kind, result.Error.Code, result.Error.Subcode));
    }

    [Fact]
    public async Task IdsForAppsAsync_ExpiredToken_IsTokenInvalid()
    {
        await using var bed = await StartAsync();
        bed.Graph.Script(FakeGraphCallKind.IdsForApps, PageId).FailWith(190, 463);

        var result = await bed.Get<IIdMatchingClient>().IdsForAppsAsync(Psid, MessengerPage(), CancellationToken.None);

        Assert.Equal(SendErrorKind.TokenInvalid, result.Error!.Kind);
        bed.AssertNoSecretsLeaked(result.Error.Message);
    }

    [Fact]
    public async Task PagesIdMappingAsync_ValidAsids_ReturnsPsidsWithPageTokenAndProof()
    {
        await using var bed = await StartAsync();

        var result = await bed.Get<IIdMatchingClient>().PagesIdMappingAsync([Asid], MessengerPage(), false, CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal([new IdMatch(Psid, PageId, Asid)], result.Matches);
        var call = Assert.Single(bed.Graph.CallsOf(FakeGraphCallKind.PagesIdMapping));
        Assert.Equal(("POST", "/v25.0/pages_id_mapping"), (call.Method, call.Path));
        Assert.True(call.UsedToken(PageToken));
        Assert.True(call.ProofValid);
        Assert.Equal(Asid, call.BodyJson().GetProperty("user_ids").GetString());
        Assert.False(call.BodyJson().GetProperty("ignore_invalid_ids").GetBoolean());
    }

    [Fact]
    public async Task PagesIdMappingAsync_InvalidAsid_ReturnsInvalidIdsFromErrorData()
    {
        await using var bed = await StartAsync();

        var result = await bed.Get<IIdMatchingClient>().PagesIdMappingAsync([Asid, OtherAsid], MessengerPage(), false, CancellationToken.None);

        Assert.Equal(SendErrorKind.BadRequest, result.Error!.Kind);
        Assert.Equal([OtherAsid], result.InvalidIds);
        Assert.Equal($"{Asid},{OtherAsid}", bed.Graph.Calls.Single().BodyJson().GetProperty("user_ids").GetString());
    }

    [Fact]
    public async Task PagesIdMappingAsync_IgnoreInvalidIds_ReturnsTheValidOnes()
    {
        await using var bed = await StartAsync();

        var result = await bed.Get<IIdMatchingClient>().PagesIdMappingAsync([OtherAsid, Asid], MessengerPage(), true, CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal(Psid, Assert.Single(result.Matches).Id);
        Assert.True(bed.Graph.Calls.Single().BodyJson().GetProperty("ignore_invalid_ids").GetBoolean());
    }

    [Theory]
    [InlineData(3, true)]     // "Application does not have the capability to make this API call"
    [InlineData(12, true)]    // "… is deprecated for versions v7.0 and higher"
    [InlineData(613, false)]
    [InlineData(190, false)]
    public async Task PagesIdMappingAsync_MetaError_IsEdgeUnavailableOnlyWhenTheApiIsRefusedToTheApp(int code, bool unavailable)
    {
        await using var bed = await StartAsync();
        bed.Graph.Script(FakeGraphCallKind.PagesIdMapping, PageId).FailWith(code);

        var result = await bed.Get<IIdMatchingClient>().PagesIdMappingAsync([Asid], MessengerPage(), true, CancellationToken.None);

        Assert.Equal(code, result.Error?.Code);
        Assert.Equal(unavailable, result.EdgeUnavailable);
        Assert.Empty(result.Matches);
    }

    [Fact]
    public async Task IdsForPagesAsync_AsidUnknownToTheApp_ReportsItInvalid()
    {
        await using var bed = await StartAsync();

        var result = await bed.Get<IIdMatchingClient>().IdsForPagesAsync(OtherAsid, PageId, App(), CancellationToken.None);

        Assert.Equal(100, result.Error?.Code);
        Assert.Equal([OtherAsid], result.InvalidIds);
        Assert.False(result.EdgeUnavailable);
    }

    [Fact]
    public async Task PagesIdMappingAsync_Over200Asids_FailsWithoutCallingMeta()
    {
        await using var bed = await StartAsync();
        var asids = Enumerable.Range(0, 201).Select(i => (5000000000001000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var result = await bed.Get<IIdMatchingClient>().PagesIdMappingAsync(asids, MessengerPage(), true, CancellationToken.None);

        Assert.Equal(SendErrorKind.BadRequest, result.Error!.Kind);
        Assert.Empty(bed.Graph.Calls);
    }
}
