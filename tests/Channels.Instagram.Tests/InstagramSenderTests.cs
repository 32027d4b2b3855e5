using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Sending;
using Normalizer.Testing;
using static Normalizer.Testing.GraphTestBed;

namespace Normalizer.Channels.Instagram.Tests;

public sealed class InstagramSenderTests
{
    [Fact]
    public async Task SendAsync_InstagramLogin_PostsToInstagramHostWithIgToken()
    {
        await using var bed = await StartAsync();

        var outcome = await bed.Sender(Platform.Instagram).SendAsync(
            Request(IgLoginAccount(), new TaggedId(IdType.Igsid, Igsid), Text("Thanks! An agent will reply soon.")), CancellationToken.None);

        Assert.Null(outcome.Error);
        Assert.Empty(bed.Graph.Calls);
        var call = Assert.Single(bed.Instagram.Sends);
        Assert.Equal(("/v25.0/17841400000000001/messages", "v25.0"), (call.Path, call.Version));
        Assert.True(call.UsedToken(IgToken));
        Assert.True(call.ProofValid);
        Assert.Equal(call.ResponseJson().GetProperty("message_id").GetString(), outcome.MessageId);
        var body = call.BodyJson();
        Assert.Equal(Igsid, body.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("Thanks! An agent will reply soon.", body.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public async Task SendAsync_FacebookLogin_PostsToLinkedPageWithPageToken()
    {
        await using var bed = await StartAsync();

        var outcome = await bed.Sender(Platform.Instagram).SendAsync(
            Request(IgLinkedAccount(), new TaggedId(IdType.Igsid, LinkedIgsid), Text("hola")), CancellationToken.None);

        Assert.Null(outcome.Error);
        Assert.NotNull(outcome.MessageId);
        Assert.Empty(bed.Instagram.Calls);
        var call = Assert.Single(bed.Graph.Sends);
        Assert.Equal("/v25.0/1001/messages", call.Path);
        Assert.Equal(LinkedIgAccountId, call.AccountId);
        Assert.Equal(Platform.Instagram, call.Platform);
        Assert.True(call.UsedToken(PageToken));
        Assert.True(call.ProofValid);
        Assert.Equal("RESPONSE", call.BodyJson().GetProperty("messaging_type").GetString());
    }

    [Fact]
    public async Task SendAsync_HumanAgentImageWithQuickReplies_SendsDocumentedBody()
    {
        await using var bed = await StartAsync();
        var message = new OutboundMessage
        {
            Type = "image", Url = "https://cdn.example.com/a.png",
            QuickReplies = [new OutboundChoice { Title = "More", Payload = "MORE" }],
        };

        var outcome = await bed.Sender(Platform.Instagram).SendAsync(
            Request(IgLoginAccount(), new TaggedId(IdType.Igsid, Igsid), message, "MESSAGE_TAG", "HUMAN_AGENT"), CancellationToken.None);

        Assert.Null(outcome.Error);
        var body = bed.Instagram.Sends.Single().BodyJson();
        Assert.Equal("HUMAN_AGENT", body.GetProperty("tag").GetString());
        var content = body.GetProperty("message");
        Assert.Equal("image", content.GetProperty("attachment").GetProperty("type").GetString());
        Assert.Equal("https://cdn.example.com/a.png", content.GetProperty("attachment").GetProperty("payload").GetProperty("url").GetString());
        Assert.Equal("MORE", content.GetProperty("quick_replies")[0].GetProperty("payload").GetString());
    }

    [Theory]
    [InlineData("typing_on")]
    [InlineData("typing_off")]
    [InlineData("mark_seen")]
    public async Task SendAsync_SenderAction_SendsActionAlone(string action)
    {
        await using var bed = await StartAsync();

        var outcome = await bed.Sender(Platform.Instagram).SendAsync(
            Request(IgLoginAccount(), new TaggedId(IdType.Igsid, Igsid), new OutboundMessage { Type = "sender_action", Action = action }),
            CancellationToken.None);

        Assert.Null(outcome.Error);
        var body = bed.Instagram.Sends.Single().BodyJson();
        Assert.Equal(["recipient", "sender_action"], body.EnumerateObject().Select(p => p.Name).Order().ToList());
        Assert.Equal(action, body.GetProperty("sender_action").GetString());
    }

    [Fact]
    public async Task SendAsync_PersonUnavailable_IsInvalidRecipientKeepingMetaIds()
    {
        await using var bed = await StartAsync();
        bed.Instagram.Script(IgAccountId, Igsid).FailWith(551, 1545041);

        var outcome = await bed.Sender(Platform.Instagram).SendAsync(
            Request(IgLoginAccount(), new TaggedId(IdType.Igsid, Igsid), Text("hi")), CancellationToken.None);

        Assert.Equal((SendErrorKind.InvalidRecipient, 551, 1545041), (outcome.Error!.Kind, outcome.Error.Code, outcome.Error.Subcode));
        Assert.StartsWith("FakeTrace", outcome.Error.FbtraceId);
    }

    [Fact]
    public async Task SendAsync_ExpiredToken_IsTokenInvalidWithoutLeakingIt()
    {
        await using var bed = await StartAsync();
        bed.Instagram.Script(IgAccountId).FailWith(190, 463);

        var outcome = await bed.Sender(Platform.Instagram).SendAsync(
            Request(IgLoginAccount(), new TaggedId(IdType.Igsid, Igsid), Text("hi")), CancellationToken.None);

        Assert.Equal(SendErrorKind.TokenInvalid, outcome.Error!.Kind);
        bed.AssertNoSecretsLeaked(outcome.Error.Message, JsonSerializer.Serialize(outcome.Error));
    }

    [Fact]
    public async Task SendAsync_TextOver1000Characters_FailsFast()
    {
        await using var bed = await StartAsync();

        var outcome = await bed.Sender(Platform.Instagram).SendAsync(
            Request(IgLoginAccount(), new TaggedId(IdType.Igsid, Igsid), Text(new string('a', 1001))), CancellationToken.None);

        Assert.Equal(SendErrorKind.BadRequest, outcome.Error!.Kind);
        Assert.Empty(bed.Instagram.Calls);
    }

    [Fact]
    public async Task SendAsync_CustomerFeedbackTag_FailsFast()
    {
        await using var bed = await StartAsync();

        var outcome = await bed.Sender(Platform.Instagram).SendAsync(
            Request(IgLoginAccount(), new TaggedId(IdType.Igsid, Igsid), Text("hi"), "MESSAGE_TAG", "CUSTOMER_FEEDBACK"), CancellationToken.None);

        Assert.Equal(SendErrorKind.BadRequest, outcome.Error!.Kind);
        Assert.Empty(bed.Instagram.Calls);
    }

    [Fact]
    public async Task SendAsync_PsidRecipient_FailsFast()
    {
        await using var bed = await StartAsync();

        var outcome = await bed.Sender(Platform.Instagram).SendAsync(
            Request(IgLoginAccount(), new TaggedId(IdType.Psid, Psid), Text("hi")), CancellationToken.None);

        Assert.Equal(SendErrorKind.BadRequest, outcome.Error!.Kind);
    }
}
