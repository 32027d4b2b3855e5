using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Testing;
using static Normalizer.Testing.GraphTestBed;

namespace Normalizer.Channels.Instagram.Tests;

public sealed class InstagramProfilesTests
{
    private static readonly NormalizedEvent Event = TestNormalizer.Events(Fixture.Sample("instagram-text.json"))[0];

    [Fact]
    public async Task ProfileAsync_InstagramLogin_AsksInstagramHost()
    {
        await using var bed = await StartAsync();

        var profile = await bed.ProfileAsync(Event, IdType.Igsid, Igsid, IgLoginAccount());

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

        var profile = await bed.ProfileAsync(Event, IdType.Igsid, LinkedIgsid, IgLinkedAccount());

        Assert.Equal(("Luz", "luz.ig"), (profile!.Name, profile.Username));
        Assert.Empty(bed.Instagram.Calls);
        Assert.True(bed.Graph.Calls.Single().UsedToken(PageToken));
    }
}
