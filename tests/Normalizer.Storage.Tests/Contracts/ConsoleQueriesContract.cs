using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Events;
using Normalizer.Ingest;
using Normalizer.Sending;
using Normalizer.Testing;

namespace Normalizer.Storage.Tests.Contracts;

/// <summary>What the console reads and changes: event counts per bucket, each Page's last failed send, one quarantined item.</summary>
public abstract class ConsoleQueriesContract<TDatabase> : StoreContract<TDatabase>
    where TDatabase : ITestDatabase
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Bucket = TimeSpan.FromMinutes(5);

    private IInbox Inbox => Store.Services.GetRequiredService<IInbox>();

    // The processor's settings (Normalizer:Inbox), their defaults.
    protected override void Configure(IServiceCollection services) =>
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection().Build());

    [StoreFact]
    public async Task CountSince_EventsAtThreeTimes_CountsEachPlatformAndPageInItsBucketAndLeavesOutEarlierOnes()
    {
        await Inbox.AppendAsync(Webhook(Start - TimeSpan.FromHours(2), Fixture.Sample("whatsapp-text-and-status.json")), default);
        await Inbox.AppendAsync(Webhook(Start + TimeSpan.FromMinutes(1), Fixture.Sample("messenger-text-batch.json")), default);
        await Inbox.AppendAsync(Webhook(Start + TimeSpan.FromMinutes(6), Fixture.Sample("instagram-text.json")), default);
        await ProcessAllAsync();
        var events = await Store.Services.GetRequiredService<IEventStore>().ListAsync(new EventQuery { Limit = 100 }, default);

        var counts = await Store.Services.GetRequiredService<IEventStore>().CountSinceAsync(
            Start.ToUnixTimeMilliseconds(), (long)Bucket.TotalMilliseconds, default);

        var expected = events.Select(e => e.Event).Where(e => e.Platform != Platform.WhatsApp)
            .GroupBy(e => (Platform: e.Platform.ToWire(), e.PageId))
            .Select(g => new EventCount(g.Key.Platform, g.Key.PageId, g.Key.Platform == "instagram" ? 1 : 0, g.Count()))
            .OrderBy(c => c.Platform, StringComparer.Ordinal).ThenBy(c => c.PageId, StringComparer.Ordinal);
        Assert.Equal(expected, counts);
        Assert.Contains(events, e => e.Event.Platform == Platform.WhatsApp);
    }

    [StoreFact]
    public async Task PageSendErrors_RecordedTwice_KeepTheLastPerPage()
    {
        var errors = Store.Services.GetRequiredService<IPageSendErrors>();
        await errors.RecordAsync(Error("104523987765432", SendErrorKind.TokenInvalid, 190, Start), default);
        await errors.RecordAsync(Error("231198744410002", SendErrorKind.RateLimited, 613, Start), default);
        await errors.RecordAsync(Error("104523987765432", SendErrorKind.Permission, null, Start + TimeSpan.FromMinutes(3)), default);

        var all = await errors.ListAsync(default);

        Assert.Equal(
            [Error("104523987765432", SendErrorKind.Permission, null, Start + TimeSpan.FromMinutes(3)), Error("231198744410002", SendErrorKind.RateLimited, 613, Start)],
            all);
    }

    [StoreFact]
    public async Task Quarantine_GetAndRemove_FindTheItemOnce()
    {
        await Inbox.AppendAsync(Webhook(Start, """{"object":"page","entry":"x"}"""u8.ToArray()), default);
        await ProcessAllAsync();
        var quarantine = Store.Services.GetRequiredService<IQuarantine>();
        var listed = Assert.Single(await quarantine.ListAsync(0, 10, default));

        var found = await quarantine.GetAsync(listed.Id, default);
        var removed = await quarantine.RemoveAsync(listed.Id, default);
        var again = await quarantine.RemoveAsync(listed.Id, default);

        Assert.Equal(listed, found);
        Assert.True(removed);
        Assert.False(again);
        Assert.Null(await quarantine.GetAsync(listed.Id, default));
        Assert.Empty(await quarantine.ListAsync(0, 10, default));
    }

    private async Task ProcessAllAsync()
    {
        var processor = Store.Services.GetRequiredService<InboxProcessor>();
        while (await processor.ProcessNextBatchAsync(CancellationToken.None) > 0)
        {
        }
    }

    private static PageSendError Error(string pageId, SendErrorKind kind, int? code, DateTimeOffset at) => new()
    {
        PageId = pageId, Platform = Platform.Facebook, Kind = kind, Code = code, Message = $"{kind} from Meta", At = at,
    };

    private static InboxItem Webhook(DateTimeOffset receivedAt, byte[] body) => new(receivedAt, null, true, null, body);
}
