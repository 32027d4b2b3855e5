using Normalizer.Events;
using Normalizer.Identity;
using Normalizer.Ids;
using Normalizer.Testing;
using static Normalizer.Testing.GraphTestBed;

namespace Normalizer.Channels.WhatsApp.Tests;

public sealed class WhatsAppProfilesTests
{
    private static readonly NormalizedEvent Event = TestNormalizer.Events(Fixture.Sample("whatsapp-text-and-status.json"))[0];

    [Fact]
    public async Task ProfileAsync_EventNamingTheCustomer_ReturnsTheWebhooksNameWithoutCalling()
    {
        await using var bed = await StartAsync();

        var profile = await bed.ProfileAsync(Event, IdType.WaId, WaId, WaNumber());

        Assert.Equal(new UserProfile { Name = Event.Contact!.Name, Username = Event.Contact.Username }, profile);
        Assert.NotNull(profile!.Name);
        Assert.Empty(bed.Graph.Calls);
    }

    [Fact]
    public async Task ProfileAsync_WhatsAppWithoutProfileName_ReturnsNullWithoutCalling()
    {
        await using var bed = await StartAsync();

        var profile = await bed.ProfileAsync(Event with { Contact = null }, IdType.WaId, WaId, WaNumber());

        Assert.Null(profile);
        Assert.Empty(bed.Graph.Calls);
    }
}
