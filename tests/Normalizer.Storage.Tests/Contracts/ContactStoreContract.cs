using Microsoft.Extensions.DependencyInjection;
using Normalizer.Events;
using Normalizer.Identity;
using Normalizer.Ids;

namespace Normalizer.Storage.Tests.Contracts;

/// <summary>What an identity lookup writes to a contact, and what it leaves alone; ASIDs with their apps.</summary>
public abstract class ContactStoreContract<TDatabase> : StoreContract<TDatabase>
    where TDatabase : ITestDatabase
{
    private static readonly DateTimeOffset Seen = new(2025, 11, 21, 8, 0, 0, TimeSpan.Zero);
    private const string AppX = "1000000000000001";
    private const string AppY = "2000000000000002";

    private IContactStore Contacts => Store.Services.GetRequiredService<IContactStore>();

    [StoreFact]
    public async Task LinkAsync_ContactMarkedUnreachableMeanwhile_StaysUnreachable_GetsAsidPersonAndProfile()
    {
        var contact = NewContact(asid: null, profile: null);
        await Contacts.SaveAsync(contact, CancellationToken.None);
        await Contacts.MarkInactiveAsync(contact.Id, CancellationToken.None);

        await Contacts.LinkAsync(contact.Id, new AppScopedId("1122334455", AppX), "person-2", new UserProfile { Name = "Ana Souza" }, CancellationToken.None);

        var stored = await Contacts.GetAsync(contact.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.False(stored.IsActive);
        Assert.Equal("1122334455", stored.Asid);
        Assert.Equal(AppX, stored.AsidAppId);
        Assert.Equal("person-2", stored.PersonId);
        Assert.Equal("Ana Souza", stored.Profile?.Name);
    }

    [StoreFact]
    public async Task LinkAsync_NothingLearned_KeepsWhatIsStored()
    {
        var contact = NewContact(asid: "9988776655", profile: new UserProfile { Name = "Bo Lind" });
        await Contacts.SaveAsync(contact, CancellationToken.None);

        await Contacts.LinkAsync(contact.Id, null, null, null, CancellationToken.None);

        Assert.Equal(contact, await Contacts.GetAsync(contact.Id, CancellationToken.None));
    }

    [StoreFact]
    public async Task LinkAsync_AsidOfAnotherApp_ReplacesAsidAndAppTogether()
    {
        var contact = NewContact(asid: "9988776655", profile: null);
        await Contacts.SaveAsync(contact, CancellationToken.None);

        await Contacts.LinkAsync(contact.Id, new AppScopedId("5566778899", AppY), null, null, CancellationToken.None);

        var stored = await Contacts.GetAsync(contact.Id, CancellationToken.None);
        Assert.Equal(("5566778899", AppY), (stored?.Asid, stored?.AsidAppId));
    }

    [StoreFact]
    public async Task SaveAsync_WithoutAsid_KeepsTheStoredAsidAndItsApp()
    {
        var contact = NewContact(asid: "9988776655", profile: null);
        await Contacts.SaveAsync(contact, CancellationToken.None);

        await Contacts.SaveAsync(contact with { Asid = null, AsidAppId = null, LastSeen = Seen.AddMinutes(5) }, CancellationToken.None);

        var stored = await Contacts.GetAsync(contact.Id, CancellationToken.None);
        Assert.Equal(("9988776655", AppX), (stored?.Asid, stored?.AsidAppId));
        Assert.Equal(Seen.AddMinutes(5), stored?.LastSeen);
    }

    [StoreFact]
    public async Task ListByAsidAsync_SameAsidUnderTwoApps_FindsOnlyTheContactOfTheAppAsked()
    {
        // Two Pages, each linked to the same ASID digits but through a different app: two identities.
        var ofX = NewContact(asid: "10154673853349851", profile: null);
        var ofY = NewContact(asid: "10154673853349851", profile: null) with
        {
            Id = RecordIds.New(Seen.AddSeconds(1)).ToString(), PersonId = "person-9", ScopedId = "6541203398761122", ScopeId = "231198744410002",
            AsidAppId = AppY,
        };
        await Contacts.SaveAsync(ofX, CancellationToken.None);
        await Contacts.SaveAsync(ofY, CancellationToken.None);

        var underX = await Contacts.ListByAsidAsync(new AppScopedId("10154673853349851", AppX), CancellationToken.None);
        var underY = await Contacts.ListByAsidAsync(new AppScopedId("10154673853349851", AppY), CancellationToken.None);
        var underZ = await Contacts.ListByAsidAsync(new AppScopedId("10154673853349851", "3000000000000003"), CancellationToken.None);

        Assert.Equal([ofX.Id], underX.Select(c => c.Id));
        Assert.Equal([ofY.Id], underY.Select(c => c.Id));
        Assert.Empty(underZ);
    }

    [StoreFact]
    public async Task SaveAsync_IdsAbove2Pow53_ReadBackDigitForDigit()
    {
        // 2^53 + 1 and 2^63 + 7: a double would round both, a long cannot hold the second.
        var contact = NewContact(asid: "9007199254740993", profile: null) with { ScopedId = "9223372036854775815", ScopeId = "18446744073709551621" };
        await Contacts.SaveAsync(contact, CancellationToken.None);

        var found = await Contacts.FindAsync("9223372036854775815", "18446744073709551621", CancellationToken.None);
        var byAsid = await Contacts.ListByAsidAsync(new AppScopedId("9007199254740993", AppX), CancellationToken.None);

        Assert.Equal(contact, found);
        Assert.Equal([contact], byAsid);
        Assert.Empty(await Contacts.ListByAsidAsync(new AppScopedId("9007199254740992", AppX), CancellationToken.None));
    }

    private static Contact NewContact(string? asid, UserProfile? profile) => new()
    {
        Id = RecordIds.New(Seen).ToString(), PersonId = "person-1", Platform = Platform.Facebook, ScopedId = "7723419865501234",
        IdType = IdType.Psid, ScopeId = "104523987765432", Asid = asid, AsidAppId = asid is null ? null : AppX, IsActive = true,
        FirstSeen = Seen, LastSeen = Seen, Profile = profile,
    };
}
