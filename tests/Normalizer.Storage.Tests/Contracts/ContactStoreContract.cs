using Microsoft.Extensions.DependencyInjection;
using Normalizer.Events;
using Normalizer.Identity;
using Normalizer.Ids;

namespace Normalizer.Storage.Tests.Contracts;

/// <summary>What an identity lookup writes to a contact, and what it leaves alone.</summary>
public abstract class ContactStoreContract<TDatabase> : StoreContract<TDatabase>
    where TDatabase : ITestDatabase
{
    private static readonly DateTimeOffset Seen = new(2025, 11, 21, 8, 0, 0, TimeSpan.Zero);

    private IContactStore Contacts => Store.Services.GetRequiredService<IContactStore>();

    [StoreFact]
    public async Task LinkAsync_ContactMarkedUnreachableMeanwhile_StaysUnreachable_GetsAsidPersonAndProfile()
    {
        var contact = NewContact(asid: null, profile: null);
        await Contacts.SaveAsync(contact, CancellationToken.None);
        await Contacts.MarkInactiveAsync(contact.Id, CancellationToken.None);

        await Contacts.LinkAsync(contact.Id, "1122334455", "person-2", new UserProfile { Name = "Ana Souza" }, CancellationToken.None);

        var stored = await Contacts.GetAsync(contact.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.False(stored.IsActive);
        Assert.Equal("1122334455", stored.Asid);
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

    private static Contact NewContact(string? asid, UserProfile? profile) => new()
    {
        Id = RecordIds.New(Seen).ToString(), PersonId = "person-1", Platform = Platform.Facebook, ScopedId = "7723419865501234",
        IdType = IdType.Psid, ScopeId = "104523987765432", Asid = asid, IsActive = true, FirstSeen = Seen, LastSeen = Seen, Profile = profile,
    };
}
