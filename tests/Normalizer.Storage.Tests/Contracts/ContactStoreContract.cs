using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
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

    [StoreFact]
    public async Task ListStaleByProfileAsync_NamesAndPictureOfStaleContactsOfThePage_FindsThemButNotActiveOnesOrOtherPages()
    {
        var bea = new UserProfile { FirstName = "Bea", LastName = "Lima", ProfilePic = "https://fake.example/bea.jpg" };
        var stale = Other(NewContact(null, bea), 1, "5500000000000001");
        var active = Other(NewContact(null, bea), 2, "5500000000000002");
        var otherPage = Other(NewContact(null, bea), 3, "5500000000000003") with { ScopeId = "231198744410002" };
        var newcomer = Other(NewContact(null, null), 4, "5500000000000004");
        foreach (var contact in new[] { stale, active, otherPage, newcomer })
        {
            await Contacts.SaveAsync(contact, CancellationToken.None);
        }

        await Contacts.MarkInactiveAsync(stale.Id, CancellationToken.None);
        await Contacts.MarkInactiveAsync(otherPage.Id, CancellationToken.None);
        await Contacts.LinkAsync(newcomer.Id, null, null, bea, CancellationToken.None);
        await Contacts.MarkInactiveAsync(newcomer.Id, CancellationToken.None);

        var found = await Contacts.ListStaleByProfileAsync("104523987765432", ProfileKey.Of(bea)!, stale.Id, CancellationToken.None);
        var withoutNewcomer = await Contacts.ListStaleByProfileAsync("104523987765432", ProfileKey.Of(bea)!, newcomer.Id, CancellationToken.None);

        Assert.Equal([newcomer.Id], found.Select(c => c.Id));
        Assert.Equal([stale.Id], withoutNewcomer.Select(c => c.Id));
    }

    [StoreFact]
    public async Task ListStaleWithAsidAsync_StaleContactsOfThePage_MostRecentlySeenFirstUpToTheLimit()
    {
        var older = Other(NewContact("1000000000000011", null), 1, "5500000000000011");
        var newer = Other(NewContact("1000000000000012", null), 2, "5500000000000012") with { LastSeen = Seen.AddHours(2) };
        var newest = Other(NewContact("1000000000000013", null), 3, "5500000000000013") with { LastSeen = Seen.AddHours(3) };
        var withoutAsid = Other(NewContact(null, null), 4, "5500000000000014") with { LastSeen = Seen.AddHours(4) };
        var active = Other(NewContact("1000000000000015", null), 5, "5500000000000015") with { LastSeen = Seen.AddHours(5) };
        foreach (var contact in new[] { older, newer, newest, withoutAsid, active })
        {
            await Contacts.SaveAsync(contact, CancellationToken.None);
            if (contact != active)
            {
                await Contacts.MarkInactiveAsync(contact.Id, CancellationToken.None);
            }
        }

        var two = await Contacts.ListStaleWithAsidAsync("104523987765432", 2, CancellationToken.None);
        var onOtherPage = await Contacts.ListStaleWithAsidAsync("231198744410002", 5, CancellationToken.None);

        Assert.Equal([newest.Id, newer.Id], two.Select(c => c.Id));
        Assert.Empty(onOtherPage);
    }

    [StoreFact]
    public async Task ListByScopedIdsAsync_SomeKnownInTheScope_FindsThoseOnlyNotTheSameIdElsewhere()
    {
        var first = Other(NewContact(null, null), 1, "5500000000000021");
        var second = Other(NewContact(null, null), 2, "5500000000000022");
        var elsewhere = Other(NewContact(null, null), 3, "5500000000000023") with { ScopeId = "231198744410002" };
        foreach (var contact in new[] { first, second, elsewhere })
        {
            await Contacts.SaveAsync(contact, CancellationToken.None);
        }

        var found = await Contacts.ListByScopedIdsAsync("104523987765432", ["5500000000000021", "5500000000000023", "5500000000000022", "5500000000000099"],
            CancellationToken.None);

        Assert.Equal([first.Id, second.Id], found.Select(c => c.Id).Order(StringComparer.Ordinal));
    }

    [StoreFact]
    public async Task PersonLinker_ThreePersonsSharingAnAsid_JoinIntoTheOneFirstSeen_OthersUntouched()
    {
        // person-2's first contact (on WhatsApp, without the ASID) is the oldest: it survives, though its ASID contact is newer.
        var onA = Other(NewContact("10154673853349851", null), 1, "5500000000000031") with { FirstSeen = Seen.AddDays(-1) };
        var onB = Other(NewContact("10154673853349851", null), 2, "5500000000000032") with { ScopeId = "231198744410002" };
        var waOfB = Other(NewContact(null, null), 2, "34600000000") with
        {
            Id = RecordIds.New(Seen.AddSeconds(20)).ToString(), Platform = Platform.WhatsApp, IdType = IdType.WaId, ScopeId = "106540352242922",
            FirstSeen = Seen.AddDays(-3),
        };
        var looked = Other(NewContact(null, null), 3, "5500000000000033") with { FirstSeen = Seen.AddDays(-2), ScopeId = "231198744410003" };
        var stranger = Other(NewContact("10154673853349852", null), 4, "5500000000000034");
        foreach (var contact in new[] { onA, onB, waOfB, looked, stranger })
        {
            await Contacts.SaveAsync(contact, CancellationToken.None);
        }

        var sut = new PersonLinker(Contacts, NullLogger<PersonLinker>.Instance);
        var survivor = await sut.MergeAsync(looked.PersonId, new AppScopedId("10154673853349851", AppX), CancellationToken.None);

        Assert.Equal(waOfB.PersonId, survivor);
        var joined = await Contacts.ListByPersonAsync(survivor, CancellationToken.None);
        Assert.Equal(new[] { onA.Id, onB.Id, waOfB.Id, looked.Id }.Order(StringComparer.Ordinal), joined.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Equal(stranger.PersonId, (await Contacts.GetAsync(stranger.Id, CancellationToken.None))?.PersonId);
        Assert.Empty(await Contacts.ListByPersonAsync(onA.PersonId, CancellationToken.None));
    }

    [StoreFact]
    public async Task PersonLinker_SameAsidDigitsUnderAnotherApp_JoinsNothing()
    {
        var ofX = Other(NewContact("10154673853349851", null), 1, "5500000000000041");
        var ofY = Other(NewContact("10154673853349851", null), 2, "5500000000000042") with { AsidAppId = AppY, ScopeId = "231198744410002" };
        await Contacts.SaveAsync(ofX, CancellationToken.None);
        await Contacts.SaveAsync(ofY, CancellationToken.None);

        var sut = new PersonLinker(Contacts, NullLogger<PersonLinker>.Instance);
        var survivor = await sut.MergeAsync(ofY.PersonId, new AppScopedId("10154673853349851", AppY), CancellationToken.None);

        Assert.Equal(ofY.PersonId, survivor);
        Assert.Equal(ofX.PersonId, (await Contacts.GetAsync(ofX.Id, CancellationToken.None))?.PersonId);
    }

    private static Contact Other(Contact contact, int n, string scopedId) =>
        contact with { Id = RecordIds.New(Seen.AddSeconds(n)).ToString(), PersonId = "person-" + n, ScopedId = scopedId };

    private static Contact NewContact(string? asid, UserProfile? profile) => new()
    {
        Id = RecordIds.New(Seen).ToString(), PersonId = "person-1", Platform = Platform.Facebook, ScopedId = "7723419865501234",
        IdType = IdType.Psid, ScopeId = "104523987765432", Asid = asid, AsidAppId = asid is null ? null : AppX, IsActive = true,
        FirstSeen = Seen, LastSeen = Seen, Profile = profile,
    };
}
