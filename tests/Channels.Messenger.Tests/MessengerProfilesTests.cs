using Normalizer.Events;
using Normalizer.Identity;
using Normalizer.Ids;
using Normalizer.Testing;
using Normalizer.Testing.FakeGraph;
using static Normalizer.Testing.GraphTestBed;

namespace Normalizer.Channels.Messenger.Tests;

public sealed class MessengerProfilesTests
{
    private static readonly NormalizedEvent Event = TestNormalizer.Events(Fixture.Sample("messenger-text-batch.json"))[0];

    [Fact]
    public async Task ProfileAsync_Messenger_ReturnsNamesPictureAndLocale()
    {
        await using var bed = await StartAsync();

        var profile = await bed.ProfileAsync(Event, IdType.Psid, Psid, MessengerPage());

        Assert.Equal(new UserProfile { FirstName = "Ana", LastName = "García", ProfilePic = "https://example.invalid/ana.jpg", Locale = "es_ES" }, profile);
        var call = bed.Graph.Calls.Single();
        Assert.Equal(("/v25.0/7000000000000001", "first_name,last_name,profile_pic,locale"), (call.Path, call.Query["fields"]));
        Assert.True(call.UsedToken(PageToken));
        Assert.True(call.ProofValid);
    }

    [Fact]
    public async Task ProfileAsync_NoProfileAvailable_ReturnsNull()
    {
        await using var bed = await StartAsync(g => g.AddUser(PageId, "7000000000000005", FakeProfile.NotAvailable));

        var profile = await bed.ProfileAsync(Event, IdType.Psid, "7000000000000005", MessengerPage());

        Assert.Null(profile);
        Assert.Equal(2018218, bed.Graph.Calls.Single().ErrorSubcode);
    }
}
