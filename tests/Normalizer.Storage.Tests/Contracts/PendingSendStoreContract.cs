using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Normalizer.Identity;
using Normalizer.Sending;

namespace Normalizer.Storage.Tests.Contracts;

/// <summary>A queued send goes out once, whichever host relinks its person (README: production stores).</summary>
public abstract class PendingSendStoreContract<TDatabase> : StoreContract<TDatabase>
    where TDatabase : ITestDatabase
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    protected override void Configure(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    [StoreFact]
    public async Task Claim_TwoHostsAtOnce_OneTakesIt_AndAfterTheLeaseAnotherMayTakeItAgain()
    {
        var sends = Store.Services.GetRequiredService<IPendingSendStore>();
        var id = await sends.AddAsync("person-1", new SendRequest { To = "psid-1", Message = new OutboundMessage { Body = "hi" } }, default);
        var lease = TimeSpan.FromMinutes(10);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => sends.ClaimAsync(id, lease, default))));
        var listedWhileTaken = await sends.ListPendingAsync("person-1", default);
        _clock.Advance(lease - TimeSpan.FromSeconds(1));
        var beforeTheLeaseEnds = await sends.ClaimAsync(id, lease, default);
        _clock.Advance(TimeSpan.FromSeconds(2));
        var afterTheLease = await sends.ClaimAsync(id, lease, default);

        Assert.Single(claims, taken => taken);
        Assert.Equal([id], listedWhileTaken.Select(p => p.Id));
        Assert.False(beforeTheLeaseEnds);
        Assert.True(afterTheLease);
    }

    [StoreFact]
    public async Task HasPending_ForAContactOfThePerson_IsTrueWhileASendWaits()
    {
        var sends = Store.Services.GetRequiredService<IPendingSendStore>();
        var contacts = Store.Services.GetRequiredService<IContactStore>();
        var seen = _clock.GetUtcNow();
        foreach (var (id, person, scopedId) in new[] { ("ct-wa", "person-3", "34600000000"), ("ct-other", "person-4", "34600000001") })
        {
            await contacts.SaveAsync(new Contact
            {
                Id = id, PersonId = person, Platform = Events.Platform.WhatsApp, ScopedId = scopedId, IdType = Ids.IdType.WaId,
                ScopeId = "106540352242922", IsActive = true, FirstSeen = seen, LastSeen = seen,
            }, default);
        }

        var queued = await sends.AddAsync("person-3", new SendRequest { To = "psid-3", Message = new OutboundMessage { Body = "hi" } }, default);

        var waiting = await sends.HasPendingAsync("34600000000", "106540352242922", default);
        var otherPerson = await sends.HasPendingAsync("34600000001", "106540352242922", default);
        var unknown = await sends.HasPendingAsync("34600000002", "106540352242922", default);
        await sends.CompleteAsync(queued, new SendResult { Status = SendStatus.Sent, Attempts = [] }, default);
        var afterItWent = await sends.HasPendingAsync("34600000000", "106540352242922", default);

        Assert.True(waiting);
        Assert.False(otherPerson);
        Assert.False(unknown);
        Assert.False(afterItWent);
    }

    [StoreFact]
    public async Task Claim_AfterItsOutcomeIsRecorded_IsRefused_AndTheSendIsNoLongerListed()
    {
        var sends = Store.Services.GetRequiredService<IPendingSendStore>();
        var id = await sends.AddAsync("person-2", new SendRequest { To = "psid-2", Message = new OutboundMessage { Body = "hi" } }, default);

        Assert.True(await sends.ClaimAsync(id, TimeSpan.FromMinutes(10), default));
        await sends.CompleteAsync(id, new SendResult { Status = SendStatus.Sent, Attempts = [] }, default);
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.False(await sends.ClaimAsync(id, TimeSpan.FromMinutes(10), default));
        Assert.Empty(await sends.ListPendingAsync("person-2", default));
    }
}
