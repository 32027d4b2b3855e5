using Normalizer.Events;
using Normalizer.Identity;
using Normalizer.Ids;
using Normalizer.Sending;
using Normalizer.Testing;
using Normalizer.Testing.FakeGraph;
using static Normalizer.Testing.GraphTestBed;

namespace Normalizer.Tests.Identity;

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

    [Fact]
    public async Task PagesIdMappingAsync_Over200Asids_FailsWithoutCallingMeta()
    {
        await using var bed = await StartAsync();
        var asids = Enumerable.Range(0, 201).Select(i => (5000000000001000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var result = await bed.Get<IIdMatchingClient>().PagesIdMappingAsync(asids, MessengerPage(), true, CancellationToken.None);

        Assert.Equal(SendErrorKind.BadRequest, result.Error!.Kind);
        Assert.Empty(bed.Graph.Calls);
    }

    [Fact]
    public async Task ProfileAsync_Messenger_ReturnsNamesPictureAndLocale()
    {
        await using var bed = await StartAsync();

        var profile = await bed.Get<IIdMatchingClient>().ProfileAsync(new TaggedId(IdType.Psid, Psid), MessengerPage(), CancellationToken.None);

        Assert.Equal(new UserProfile { FirstName = "Ana", LastName = "García", ProfilePic = "https://example.invalid/ana.jpg", Locale = "es_ES" }, profile);
        var call = bed.Graph.Calls.Single();
        Assert.Equal(("/v25.0/7000000000000001", "first_name,last_name,profile_pic,locale"), (call.Path, call.Query["fields"]));
        Assert.True(call.UsedToken(PageToken));
        Assert.True(call.ProofValid);
    }

    [Fact]
    public async Task ProfileAsync_InstagramLogin_AsksInstagramHost()
    {
        await using var bed = await StartAsync();

        var profile = await bed.Get<IIdMatchingClient>().ProfileAsync(new TaggedId(IdType.Igsid, Igsid), IgLoginAccount(), CancellationToken.None);

        Assert.Equal(("Marta", "marta.ig"), (profile!.Name, profile.Username));
        Assert.Empty(bed.Graph.Calls);
        var call = bed.Instagram.Calls.Single();
        Assert.Equal("name,username,profile_pic", call.Query["fields"]);
        Assert.True(call.UsedToken(IgToken));
        Assert.True(call.ProofValid);
    }

    [Fact]
    public async Task ProfileAsync_InstagramFacebookLogin_AsksGraphWithPageToken()
    {
        await using var bed = await StartAsync();

        var profile = await bed.Get<IIdMatchingClient>().ProfileAsync(new TaggedId(IdType.Igsid, LinkedIgsid), IgLinkedAccount(), CancellationToken.None);

        Assert.Equal(("Luz", "luz.ig"), (profile!.Name, profile.Username));
        Assert.Empty(bed.Instagram.Calls);
        Assert.True(bed.Graph.Calls.Single().UsedToken(PageToken));
    }

    [Fact]
    public async Task ProfileAsync_WhatsApp_ReturnsNullWithoutCalling()
    {
        await using var bed = await StartAsync();

        var profile = await bed.Get<IIdMatchingClient>().ProfileAsync(new TaggedId(IdType.WaId, WaId), WaNumber(), CancellationToken.None);

        Assert.Null(profile);
        Assert.Empty(bed.Graph.Calls);
    }

    [Fact]
    public async Task ProfileAsync_NoProfileAvailable_ReturnsNull()
    {
        await using var bed = await StartAsync(g => g.AddUser(PageId, "7000000000000005", FakeProfile.NotAvailable));

        var profile = await bed.Get<IIdMatchingClient>().ProfileAsync(
            new TaggedId(IdType.Psid, "7000000000000005"), MessengerPage(), CancellationToken.None);

        Assert.Null(profile);
        Assert.Equal(2018218, bed.Graph.Calls.Single().ErrorSubcode);
    }
}
