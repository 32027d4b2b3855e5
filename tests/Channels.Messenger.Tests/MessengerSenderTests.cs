using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Sending;
using Normalizer.Testing;
using Normalizer.Testing.FakeGraph;
using static Normalizer.Testing.GraphTestBed;

namespace Normalizer.Channels.Messenger.Tests;

public sealed class MessengerSenderTests
{
    private static readonly TaggedId User = new(IdType.Psid, Psid);

    [Fact]
    public async Task SendAsync_Text_PostsDocumentedBodyWithPageTokenAndProof()
    {
        await using var bed = await StartAsync();
        var sut = bed.Sender(Platform.Facebook);

        var outcome = await sut.SendAsync(Request(MessengerPage(), User, Text("Pick one")), CancellationToken.None);

        var call = Assert.Single(bed.Graph.SendsTo(PageId, Psid));
        Assert.Null(outcome.Error);
        Assert.Equal(call.ResponseJson().GetProperty("message_id").GetString(), outcome.MessageId);
        Assert.StartsWith("m_", outcome.MessageId);
        Assert.Equal(("POST", "/v25.0/1001/messages", "v25.0"), (call.Method, call.Path, call.Version));
        Assert.True(call.UsedToken(PageToken));
        Assert.True(bed.Graph.Sends.All(c => c.ProofValid));
        Assert.Equal(FakeGraphTokenSource.BearerHeader, call.TokenSource);
        var body = call.BodyJson();
        Assert.Equal(Psid, body.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("RESPONSE", body.GetProperty("messaging_type").GetString());
        Assert.Equal("Pick one", body.GetProperty("message").GetProperty("text").GetString());
        Assert.False(body.TryGetProperty("tag", out _));
    }

    [Fact]
    public async Task SendAsync_QuickRepliesAndButtons_SendsQuickRepliesAsDocumented()
    {
        await using var bed = await StartAsync();
        var message = new OutboundMessage
        {
            Type = "text", Body = "Pick one",
            QuickReplies = [new OutboundChoice { Title = "Sales", Payload = "Q_SALES" }],
            Buttons = [new OutboundChoice { Title = "Support", Payload = "Q_SUPPORT" }],
        };

        var outcome = await bed.Sender(Platform.Facebook).SendAsync(Request(MessengerPage(), User, message), CancellationToken.None);

        Assert.Null(outcome.Error);
        var replies = bed.Graph.Sends.Single().BodyJson().GetProperty("message").GetProperty("quick_replies");
        Assert.Equal(
            [("text", "Sales", "Q_SALES"), ("text", "Support", "Q_SUPPORT")],
            replies.EnumerateArray().Select(r => (Str(r, "content_type"), Str(r, "title"), Str(r, "payload"))).ToList());
    }

    [Fact]
    public async Task SendAsync_ButtonsType_SendsBodyWithQuickReplies()
    {
        await using var bed = await StartAsync();
        var message = new OutboundMessage
        {
            Type = "buttons", Body = "Confirm?", Buttons = [new OutboundChoice { Title = "Yes", Payload = "YES" }],
        };

        var outcome = await bed.Sender(Platform.Facebook).SendAsync(Request(MessengerPage(), User, message), CancellationToken.None);

        Assert.Null(outcome.Error);
        var sent = bed.Graph.Sends.Single().BodyJson().GetProperty("message");
        Assert.Equal("Confirm?", Str(sent, "text"));
        Assert.Equal("YES", Str(sent.GetProperty("quick_replies")[0], "payload"));
    }

    [Fact]
    public async Task SendAsync_ImageWithHumanAgentTag_PostsAttachmentAsDocumented()
    {
        await using var bed = await StartAsync();
        var message = new OutboundMessage { Type = "image", Url = "https://cdn.example.com/a.png" };

        var outcome = await bed.Sender(Platform.Facebook)
            .SendAsync(Request(MessengerPage(), User, message, "MESSAGE_TAG", "HUMAN_AGENT"), CancellationToken.None);

        Assert.Null(outcome.Error);
        Assert.NotNull(outcome.MessageId);
        var body = bed.Graph.Sends.Single().BodyJson();
        Assert.Equal(("MESSAGE_TAG", "HUMAN_AGENT"), (Str(body, "messaging_type"), Str(body, "tag")));
        var attachment = body.GetProperty("message").GetProperty("attachment");
        Assert.Equal("image", Str(attachment, "type"));
        Assert.Equal("https://cdn.example.com/a.png", Str(attachment.GetProperty("payload"), "url"));
        Assert.True(attachment.GetProperty("payload").GetProperty("is_reusable").GetBoolean());
    }

    [Theory]
    [InlineData("audio")]
    [InlineData("video")]
    [InlineData("file")]
    public async Task SendAsync_Media_UsesAttachmentType(string type)
    {
        await using var bed = await StartAsync();

        var outcome = await bed.Sender(Platform.Facebook).SendAsync(
            Request(MessengerPage(), User, new OutboundMessage { Type = type, Url = "https://cdn.example.com/x" }), CancellationToken.None);

        Assert.Null(outcome.Error);
        Assert.Equal(type, Str(bed.Graph.Sends.Single().BodyJson().GetProperty("message").GetProperty("attachment"), "type"));
    }

    [Fact]
    public async Task SendAsync_SenderAction_SendsActionAloneWithRecipient()
    {
        await using var bed = await StartAsync();
        var message = new OutboundMessage { Type = "sender_action", Action = "typing_on" };

        var outcome = await bed.Sender(Platform.Facebook).SendAsync(Request(MessengerPage(), User, message), CancellationToken.None);

        Assert.Null(outcome.Error);
        Assert.Null(outcome.MessageId);
        var body = bed.Graph.Sends.Single().BodyJson();
        Assert.Equal(["recipient", "sender_action"], body.EnumerateObject().Select(p => p.Name).Order().ToList());
        Assert.Equal("typing_on", Str(body, "sender_action"));
    }

    [Fact]
    public async Task SendAsync_ReplyTo_SetsReplyToMid()
    {
        await using var bed = await StartAsync();

        await bed.Sender(Platform.Facebook).SendAsync(
            Request(MessengerPage(), User, Text("quoted") with { ReplyTo = "m_ORIGINAL" }), CancellationToken.None);

        Assert.Equal("m_ORIGINAL", Str(bed.Graph.Sends.Single().BodyJson().GetProperty("reply_to"), "mid"));
    }

    [Fact]
    public async Task SendAsync_SecondPage_UsesThatPagesToken()
    {
        await using var bed = await StartAsync(g => g.AddUser(Page2Id, Page2Psid));

        var outcome = await bed.Sender(Platform.Facebook).SendAsync(
            Request(MessengerPage(Page2Id, Page2Token), new TaggedId(IdType.Psid, Page2Psid), Text("hi")), CancellationToken.None);

        Assert.Null(outcome.Error);
        var call = Assert.Single(bed.Graph.SendsTo(Page2Id));
        Assert.True(call.UsedToken(Page2Token));
        Assert.False(call.UsedToken(PageToken));
        Assert.True(call.ProofValid);
    }

    [Fact]
    public async Task SendAsync_PersonUnavailable_IsInvalidRecipientKeepingMetaIds()
    {
        await using var bed = await StartAsync();
        bed.Graph.Script(PageId, Psid).FailWith(551, 1545041);

        var outcome = await bed.Sender(Platform.Facebook).SendAsync(Request(MessengerPage(), User, Text("hi")), CancellationToken.None);

        var error = Assert.IsType<SendError>(outcome.Error);
        var call = bed.Graph.Sends.Single();
        Assert.Equal((SendErrorKind.InvalidRecipient, 551, 1545041), (error.Kind, error.Code, error.Subcode));
        Assert.Equal(call.ResponseJson().GetProperty("error").GetProperty("fbtrace_id").GetString(), error.FbtraceId);
        Assert.Equal("(#551) This person isn't available right now.", error.Message);
    }

    [Fact]
    public async Task SendAsync_UnknownPsid_IsInvalidRecipient()
    {
        await using var bed = await StartAsync();

        var outcome = await bed.Sender(Platform.Facebook).SendAsync(
            Request(MessengerPage(), new TaggedId(IdType.Psid, "7999999999999999"), Text("hi")), CancellationToken.None);

        Assert.Equal((SendErrorKind.InvalidRecipient, 100, 2018001), (outcome.Error!.Kind, outcome.Error.Code, outcome.Error.Subcode));
    }

    [Theory]
    [InlineData(613, null, SendErrorKind.RateLimited)]
    [InlineData(190, 463, SendErrorKind.TokenInvalid)]
    [InlineData(10, 2018278, SendErrorKind.WindowClosed)]
    [InlineData(1200, null, SendErrorKind.Transient)]
    public async Task SendAsync_ScriptedError_IsClassified(int code, int? subcode, SendErrorKind expected)
    {
        await using var bed = await StartAsync();
        bed.Graph.Script(PageId).FailWith(code, subcode);

        var outcome = await bed.Sender(Platform.Facebook).SendAsync(Request(MessengerPage(), User, Text("hi")), CancellationToken.None);

        Assert.Equal((expected, code, subcode), (outcome.Error!.Kind, outcome.Error.Code, outcome.Error.Subcode));
        Assert.NotNull(outcome.Error.FbtraceId);
    }

    [Fact]
    public async Task SendAsync_RateLimitWithUsageHeader_ReturnsRetryAfter()
    {
        await using var bed = await StartAsync();
        bed.Graph.Script(PageId).Respond(400,
            """{"error":{"message":"(#80006) There have been too many messages","type":"OAuthException","code":80006,"fbtrace_id":"T1"}}""",
            headers: new Dictionary<string, string>
            {
                ["X-Business-Use-Case-Usage"] = """{"1001":[{"type":"messenger","call_count":100,"total_cputime":20,"total_time":20,"estimated_time_to_regain_access":7}]}""",
            });

        var outcome = await bed.Sender(Platform.Facebook).SendAsync(Request(MessengerPage(), User, Text("hi")), CancellationToken.None);

        Assert.Equal(SendErrorKind.RateLimited, outcome.Error!.Kind);
        Assert.Equal(TimeSpan.FromMinutes(7), outcome.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_HtmlBadGateway_IsTransient()
    {
        await using var bed = await StartAsync();
        bed.Graph.Script(PageId).Respond(502, "<html><body>502 Bad Gateway</body></html>", "text/html");

        var outcome = await bed.Sender(Platform.Facebook).SendAsync(Request(MessengerPage(), User, Text("hi")), CancellationToken.None);

        Assert.Equal((SendErrorKind.Transient, (int?)null), (outcome.Error!.Kind, outcome.Error.Code));
    }

    [Fact]
    public async Task SendAsync_ConnectionRefused_IsTransient()
    {
        await using var bed = await StartAsync(baseUrl: ClosedPortUrl());

        var outcome = await bed.Sender(Platform.Facebook).SendAsync(Request(MessengerPage(), User, Text("hi")), CancellationToken.None);

        Assert.Equal(SendErrorKind.Transient, outcome.Error!.Kind);
        Assert.Null(outcome.Error.Code);
        bed.AssertNoSecretsLeaked(outcome.Error.Message);
    }

    [Fact]
    public async Task SendAsync_FailuresAndSuccess_NoTokenSecretOrProofInLogsOrErrors()
    {
        await using var bed = await StartAsync();
        bed.Graph.Script(PageId).FailWith(190, 463).FailWith(100, message: "(#100) bad token " + PageToken);
        var sut = bed.Sender(Platform.Facebook);

        var first = await sut.SendAsync(Request(MessengerPage(), User, Text("hi")), CancellationToken.None);
        var second = await sut.SendAsync(Request(MessengerPage(), User, Text("hi")), CancellationToken.None);
        var third = await sut.SendAsync(Request(MessengerPage(), User, Text("hi")), CancellationToken.None);

        Assert.Null(third.Error);
        Assert.NotEmpty(bed.Logs.Lines());
        bed.AssertNoSecretsLeaked(first.Error!.Message, second.Error!.Message, JsonSerializer.Serialize(second.Error));
    }

    [Theory]
    [InlineData("text", null, null)]
    [InlineData("text", "", null)]
    [InlineData("image", null, null)]
    [InlineData("image", null, "not a url")]
    [InlineData("list", "pick", null)]
    [InlineData("whatsapp_template", null, null)]
    public async Task SendAsync_InvalidMessage_FailsFastWithoutCallingMeta(string type, string? body, string? url)
    {
        await using var bed = await StartAsync();

        var outcome = await bed.Sender(Platform.Facebook).SendAsync(
            Request(MessengerPage(), User, new OutboundMessage { Type = type, Body = body, Url = url }), CancellationToken.None);

        Assert.Equal(SendErrorKind.BadRequest, outcome.Error!.Kind);
        Assert.Empty(bed.Graph.Calls);
    }

    [Fact]
    public async Task SendAsync_TextOver2000Characters_FailsFast()
    {
        await using var bed = await StartAsync();

        var outcome = await bed.Sender(Platform.Facebook).SendAsync(
            Request(MessengerPage(), User, Text(new string('a', 2001))), CancellationToken.None);

        Assert.Equal(SendErrorKind.BadRequest, outcome.Error!.Kind);
        Assert.Empty(bed.Graph.Calls);
    }

    [Fact]
    public async Task SendAsync_FourteenQuickReplies_FailsFast()
    {
        await using var bed = await StartAsync();
        var choices = Enumerable.Range(0, 14).Select(i => new OutboundChoice { Title = $"Q{i}", Payload = $"P{i}" }).ToList();

        var outcome = await bed.Sender(Platform.Facebook).SendAsync(
            Request(MessengerPage(), User, Text("pick") with { QuickReplies = choices }), CancellationToken.None);

        Assert.Equal(SendErrorKind.BadRequest, outcome.Error!.Kind);
        Assert.Empty(bed.Graph.Calls);
    }

    [Fact]
    public async Task SendAsync_QuickReplyTitleOver20_FailsFast()
    {
        await using var bed = await StartAsync();

        var outcome = await bed.Sender(Platform.Facebook).SendAsync(
            Request(MessengerPage(), User, Text("pick") with { QuickReplies = [new OutboundChoice { Title = new string('t', 21), Payload = "P" }] }),
            CancellationToken.None);

        Assert.Equal(SendErrorKind.BadRequest, outcome.Error!.Kind);
        Assert.Empty(bed.Graph.Calls);
    }

    [Theory]
    [InlineData("MESSAGE_TAG", null)]
    [InlineData("MESSAGE_TAG", "ACCOUNT_UPDATE")]
    [InlineData("MESSAGE_TAG", "POST_PURCHASE_UPDATE")]
    [InlineData("SOMETHING", null)]
    public async Task SendAsync_InvalidTagOrType_FailsFast(string messagingType, string? tag)
    {
        await using var bed = await StartAsync();

        var outcome = await bed.Sender(Platform.Facebook).SendAsync(
            Request(MessengerPage(), User, Text("hi"), messagingType, tag), CancellationToken.None);

        Assert.Equal(SendErrorKind.BadRequest, outcome.Error!.Kind);
        Assert.Empty(bed.Graph.Calls);
    }

    [Fact]
    public async Task SendAsync_NotAPsid_FailsFast()
    {
        await using var bed = await StartAsync();

        var outcome = await bed.Sender(Platform.Facebook).SendAsync(
            Request(MessengerPage(), new TaggedId(IdType.Igsid, Igsid), Text("hi")), CancellationToken.None);

        Assert.Equal(SendErrorKind.BadRequest, outcome.Error!.Kind);
        Assert.Empty(bed.Graph.Calls);
    }

    private static string? Str(JsonElement e, string name) => e.GetProperty(name).GetString();
}
