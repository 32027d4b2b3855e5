using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Ingest;

namespace Normalizer.Channels.Toy.Tests;

/// <summary>A channel the core has never heard of: registered with one call, then normalized and validated by the core as it is.</summary>
public sealed class ToyChannelTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """{"object":"toy","entry":[{"number":"15550001","messages":[{"id":"toy-1","from":"34600000001","at":1763805600,"text":"hello"}]}]}""");

    private readonly ServiceProvider _services = new ServiceCollection().AddNormalizer().AddToyChannel().Services.BuildServiceProvider();

    [Fact]
    public void Normalize_ToyBody_EmitsTheNormalizedMessage()
    {
        var sut = _services.GetRequiredService<WebhookNormalizer>().Normalize(Body, new WebhookContext(ReceivedAt, SignatureVerified: true));

        Assert.Null(sut.Error);
        Assert.Equal(Platform.WhatsApp, sut.Platform);
        var evt = Assert.Single(sut.Events);
        Assert.Equal((EventName.MessageReceived, "15550001", IdType.PhoneNumberId, "34600000001", IdType.WaId, 1763805600L),
            (evt.Event, evt.PageId, evt.PageIdType, evt.UserId, evt.UserIdType, evt.Timestamp));
        Assert.Equal(("toy-1", "hello"), (evt.Message!.Id, evt.Message.Body));
        Assert.Equal(EventIds.Conversation(Platform.WhatsApp, "15550001", "34600000001"), evt.ConversationId);
        Assert.Equal("""{"id":"toy-1","from":"34600000001","at":1763805600,"text":"hello"}""", evt.Raw.ToString());
    }

    [Fact]
    public async Task Pipeline_ToyEvent_IsValidatedByTheToysIdTypesAndStored()
    {
        var evt = _services.GetRequiredService<WebhookNormalizer>().Normalize(Body, new WebhookContext(ReceivedAt, true)).Events[0];
        using var scope = _services.CreateScope();
        var pipeline = scope.ServiceProvider.GetRequiredService<EventPipeline>();

        var stored = await pipeline.ProcessAsync(evt);
        var foreign = await pipeline.ProcessAsync(evt with { Id = "evt_other", UserIdType = IdType.Psid });

        Assert.Equal(ProcessEventOutcome.Stored, stored.Outcome);
        Assert.Equal(ProcessEventOutcome.Rejected, foreign.Outcome);
        Assert.Contains("'user_id_type' PSID does not belong to platform whatsapp", foreign.Reasons);
    }

    [Fact]
    public void Normalize_ObjectOfAChannelNotRegistered_NamesTheToyAsTheOnlyKnownObject()
    {
        var sut = _services.GetRequiredService<WebhookNormalizer>().Normalize(
            Encoding.UTF8.GetBytes("""{"object":"page","entry":[]}"""), new WebhookContext(ReceivedAt, true));

        Assert.Equal("unknown object 'page' (known: toy)", sut.Error!.Message);
    }
}
