using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Ingest;
using Normalizer.Storage;

namespace Normalizer.Tests.Ingest;

public sealed class EventPipelineTests
{
    private sealed class RecordingSink : IEventSink
    {
        public List<(NormalizedEvent Event, IReadOnlyList<ScopedId> Identities)> Stored { get; } = [];

        public ValueTask<bool?> AppendAsync(NormalizedEvent evt, IReadOnlyList<ScopedId> identities, CancellationToken cancellationToken)
        {
            Stored.Add((evt, identities));
            return ValueTask.FromResult<bool?>(true);
        }
    }

    private readonly RecordingSink _sink = new();
    private readonly ServiceProvider _services;

    public EventPipelineTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IEventSink>(_sink);
        services.AddNormalizer().AddMessenger().AddWhatsApp();
        _services = services.BuildServiceProvider();
    }

    private async Task<ProcessEventResult> ProcessAsync(NormalizedEvent evt)
    {
        using var scope = _services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EventPipeline>().ProcessAsync(evt);
    }

    internal static NormalizedEvent Inbound(string mid = "m_1") => new()
    {
        Id = EventIds.Event(Platform.Facebook, "104523987765432", "message:" + mid),
        Platform = Platform.Facebook,
        Event = EventName.MessageReceived,
        Timestamp = 1763712000,
        TimestampMs = 1763712000101,
        ReceivedAt = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero),
        From = "7723419865501234", FromType = IdType.Psid,
        To = "104523987765432", ToType = IdType.PageId,
        PageId = "104523987765432", PageIdType = IdType.PageId,
        UserId = "7723419865501234", UserIdType = IdType.Psid,
        ConversationId = EventIds.Conversation(Platform.Facebook, "104523987765432", "7723419865501234"),
        Message = new MessagePart { Id = mid, Type = "text", Body = "hi", IsEcho = false },
        SignatureVerified = true,
        Standby = false,
        Raw = new RawJson(Encoding.UTF8.GetBytes("{\"message\":{\"mid\":\"" + mid + "\"}}")),
    };

    [Fact]
    public async Task Process_NewValidEvent_IsStoredWithTaggedScopedIdentity()
    {
        var result = await ProcessAsync(Inbound());

        Assert.Equal(ProcessEventOutcome.Stored, result.Outcome);
        var (evt, identities) = Assert.Single(_sink.Stored);
        Assert.Equal("m_1", evt.Message!.Id);
        Assert.Equal(new ScopedId(new TaggedId(IdType.Psid, "7723419865501234"), new TaggedId(IdType.PageId, "104523987765432")), Assert.Single(identities));
    }

    [Fact]
    public async Task Process_SameEventTwice_SecondIsDuplicateAndNotStored()
    {
        await ProcessAsync(Inbound());

        var second = await ProcessAsync(Inbound());

        Assert.Equal(ProcessEventOutcome.Duplicate, second.Outcome);
        Assert.Single(_sink.Stored);
    }

    [Fact]
    public async Task Process_InvalidEvent_IsRejectedBeforeDedupSoAValidRetryIsStored()
    {
        var invalid = Inbound() with { Timestamp = 12, TimestampMs = null };

        var rejected = await ProcessAsync(invalid);
        var retried = await ProcessAsync(Inbound());

        Assert.Equal(ProcessEventOutcome.Rejected, rejected.Outcome);
        Assert.Contains(rejected.Reasons, r => r.Contains("'timestamp' 12", StringComparison.Ordinal));
        Assert.Equal(ProcessEventOutcome.Stored, retried.Outcome);
    }

    [Fact]
    public async Task Process_WhatsAppWithPhoneAndBsuid_TagsBothIds()
    {
        var evt = Inbound() with
        {
            Platform = Platform.WhatsApp, Id = EventIds.Event(Platform.WhatsApp, "106540352242922", "message:wamid.1"),
            From = "34600000000", FromType = IdType.WaId, To = "106540352242922", ToType = IdType.PhoneNumberId,
            PageId = "106540352242922", PageIdType = IdType.PhoneNumberId, UserId = "34600000000", UserIdType = IdType.WaId,
            ConversationId = EventIds.Conversation(Platform.WhatsApp, "106540352242922", "34600000000"), TimestampMs = null,
            Contact = new ContactPart { WaId = "34600000000", UserId = "ES.1188000000000000000" },
        };

        await ProcessAsync(evt);

        var scope = new TaggedId(IdType.PhoneNumberId, "106540352242922");
        Assert.Equal(
            [new ScopedId(new TaggedId(IdType.WaId, "34600000000"), scope), new ScopedId(new TaggedId(IdType.WaBsuid, "ES.1188000000000000000"), scope)],
            Assert.Single(_sink.Stored).Identities);
    }
}
