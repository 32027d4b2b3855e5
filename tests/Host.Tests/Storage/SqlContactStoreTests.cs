using Microsoft.Extensions.DependencyInjection;
using Normalizer.Events;
using Normalizer.Identity;
using Normalizer.Ids;
using Normalizer.Storage;

namespace Normalizer.Host.Tests.Storage;

/// <summary>What an identity lookup writes to a contact, and what it leaves alone.</summary>
public sealed class SqlContactStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Seen = new(2025, 11, 21, 8, 0, 0, TimeSpan.Zero);

    private TempStore _store = null!;
    private IContactStore _contacts = null!;

    public async Task InitializeAsync()
    {
        _store = await TempStore.CreateAsync();
        _contacts = _store.Services.GetRequiredService<IContactStore>();
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task LinkAsync_ContactMarkedUnreachableMeanwhile_StaysUnreachable_GetsAsidPersonAndProfile()
    {
        var contact = NewContact(asid: null, profile: null);
        await _contacts.SaveAsync(contact, CancellationToken.None);
        await _contacts.MarkInactiveAsync(contact.Id, CancellationToken.None);

        await _contacts.LinkAsync(contact.Id, "1122334455", "person-2", new UserProfile { Name = "Ana Souza" }, CancellationToken.None);

        var stored = await _contacts.GetAsync(contact.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.False(stored.IsActive);
        Assert.Equal("1122334455", stored.Asid);
        Assert.Equal("person-2", stored.PersonId);
        Assert.Equal("Ana Souza", stored.Profile?.Name);
    }

    [Fact]
    public async Task LinkAsync_NothingLearned_KeepsWhatIsStored()
    {
        var contact = NewContact(asid: "9988776655", profile: new UserProfile { Name = "Bo Lind" });
        await _contacts.SaveAsync(contact, CancellationToken.None);

        await _contacts.LinkAsync(contact.Id, null, null, null, CancellationToken.None);

        Assert.Equal(contact, await _contacts.GetAsync(contact.Id, CancellationToken.None));
    }

    private static Contact NewContact(string? asid, UserProfile? profile) => new()
    {
        Id = RecordIds.New(Seen).ToString(), PersonId = "person-1", Platform = Platform.Facebook, ScopedId = "7723419865501234",
        IdType = IdType.Psid, ScopeId = "104523987765432", Asid = asid, IsActive = true, FirstSeen = Seen, LastSeen = Seen, Profile = profile,
    };
}
