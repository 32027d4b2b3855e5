using System.Text.Json;
using Normalizer.Events;
using Normalizer.Ids;
using Normalizer.Sending;
using Normalizer.Testing;
using static Normalizer.Testing.GraphTestBed;

namespace Normalizer.Channels.WhatsApp.Tests;

public sealed class WhatsAppSenderTests
{
    private static readonly TaggedId Phone = new(IdType.WaId, WaId);

    [Fact]
    public async Task SendAsync_TextToWaId_PostsDocumentedEnvelope()
    {
        await using var bed = await StartAsync();

        var outcome = await bed.Sender(Platform.WhatsApp).SendAsync(Request(WaNumber(), Phone, Text("Hola Ana")), CancellationToken.None);

        Assert.Null(outcome.Error);
        var call = Assert.Single(bed.Graph.SendsTo(WaNumberId));
        Assert.Equal(call.ResponseJson().GetProperty("messages")[0].GetProperty("id").GetString(), outcome.MessageId);
        Assert.StartsWith("wamid.", outcome.MessageId);
        Assert.Equal(("/v25.0/109000000000001/messages", "v25.0"), (call.Path, call.Version));
        Assert.True(call.UsedToken(WaToken));
        Assert.True(bed.Graph.Sends.All(c => c.ProofValid));
        var body = call.BodyJson();
        Assert.Equal(("whatsapp", "individual", "+34600000000", "text"),
            (Str(body, "messaging_product"), Str(body, "recipient_type"), Str(body, "to"), Str(body, "type")));
        Assert.False(body.GetProperty("text").GetProperty("preview_url").GetBoolean());
        Assert.Equal("Hola Ana", Str(body.GetProperty("text"), "body"));
        Assert.False(body.TryGetProperty("recipient", out _));
    }

    [Fact]
    public async Task SendAsync_Bsuid_UsesRecipientNotTo()
    {
        await using var bed = await StartAsync();

        var outcome = await bed.Sender(Platform.WhatsApp).SendAsync(
            Request(WaNumber(), new TaggedId(IdType.WaBsuid, Bsuid), Text("Hola")), CancellationToken.None);

        Assert.Null(outcome.Error);
        var body = bed.Graph.Sends.Single().BodyJson();
        Assert.Equal(Bsuid, Str(body, "recipient"));
        Assert.False(body.TryGetProperty("to", out _));
    }

    [Fact]
    public async Task SendAsync_ImageWithCaption_SendsLinkAndCaption()
    {
        await using var bed = await StartAsync();
        var message = new OutboundMessage { Type = "image", Url = "https://cdn.example.com/a.jpg", Caption = "Your order" };

        var outcome = await bed.Sender(Platform.WhatsApp).SendAsync(Request(WaNumber(), Phone, message), CancellationToken.None);

        Assert.Null(outcome.Error);
        var body = bed.Graph.Sends.Single().BodyJson();
        Assert.Equal("image", Str(body, "type"));
        Assert.Equal(("https://cdn.example.com/a.jpg", "Your order"), (Str(body.GetProperty("image"), "link"), Str(body.GetProperty("image"), "caption")));
    }

    [Fact]
    public async Task SendAsync_File_SendsDocumentWithFilename()
    {
        await using var bed = await StartAsync();
        var message = new OutboundMessage { Type = "file", Url = "https://cdn.example.com/i.pdf", Filename = "invoice.pdf", Caption = "Invoice" };

        var outcome = await bed.Sender(Platform.WhatsApp).SendAsync(Request(WaNumber(), Phone, message), CancellationToken.None);

        Assert.Null(outcome.Error);
        var document = bed.Graph.Sends.Single().BodyJson().GetProperty("document");
        Assert.Equal(("https://cdn.example.com/i.pdf", "invoice.pdf", "Invoice"), (Str(document, "link"), Str(document, "filename"), Str(document, "caption")));
    }

    [Fact]
    public async Task SendAsync_Buttons_SendsDocumentedInteractive()
    {
        await using var bed = await StartAsync();
        var message = new OutboundMessage
        {
            Type = "buttons", Body = "Confirm the visit?",
            Buttons = [new OutboundChoice { Title = "Yes", Payload = "yes" }, new OutboundChoice { Title = "No", Payload = "no" }],
        };

        var outcome = await bed.Sender(Platform.WhatsApp).SendAsync(Request(WaNumber(), Phone, message), CancellationToken.None);

        Assert.Null(outcome.Error);
        var body = bed.Graph.Sends.Single().BodyJson();
        Assert.Equal("interactive", Str(body, "type"));
        var interactive = body.GetProperty("interactive");
        Assert.Equal("button", Str(interactive, "type"));
        Assert.Equal("Confirm the visit?", Str(interactive.GetProperty("body"), "text"));
        Assert.Equal(
            [("reply", "yes", "Yes"), ("reply", "no", "No")],
            interactive.GetProperty("action").GetProperty("buttons").EnumerateArray()
                .Select(b => (Str(b, "type"), Str(b.GetProperty("reply"), "id"), Str(b.GetProperty("reply"), "title"))).ToList());
    }

    [Fact]
    public async Task SendAsync_FourButtons_FailsFastWithoutCallingMeta()
    {
        await using var bed = await StartAsync();
        var message = new OutboundMessage
        {
            Type = "buttons", Body = "Pick",
            Buttons = [.. Enumerable.Range(1, 4).Select(i => new OutboundChoice { Title = $"B{i}", Payload = $"b{i}" })],
        };

        var outcome = await bed.Sender(Platform.WhatsApp).SendAsync(Request(WaNumber(), Phone, message), CancellationToken.None);

        Assert.Equal(SendErrorKind.BadRequest, outcome.Error!.Kind);
        Assert.Empty(bed.Graph.Calls);
    }

    [Fact]
    public async Task SendAsync_List_SendsSectionsAndRows()
    {
        await using var bed = await StartAsync();
        var message = new OutboundMessage
        {
            Type = "list", Body = "Choose a slot", Button = "Slots",
            Sections = [new OutboundListSection
            {
                Title = "Monday",
                Rows = [new OutboundChoice { Title = "9:00", Payload = "mon-9", Description = "Morning" }],
            }],
        };

        var outcome = await bed.Sender(Platform.WhatsApp).SendAsync(Request(WaNumber(), Phone, message), CancellationToken.None);

        Assert.Null(outcome.Error);
        var interactive = bed.Graph.Sends.Single().BodyJson().GetProperty("interactive");
        Assert.Equal("list", Str(interactive, "type"));
        var action = interactive.GetProperty("action");
        Assert.Equal("Slots", Str(action, "button"));
        var section = action.GetProperty("sections")[0];
        Assert.Equal("Monday", Str(section, "title"));
        Assert.Equal(("mon-9", "9:00", "Morning"),
            (Str(section.GetProperty("rows")[0], "id"), Str(section.GetProperty("rows")[0], "title"), Str(section.GetProperty("rows")[0], "description")));
    }

    [Fact]
    public async Task SendAsync_Template_PassesTemplateThrough()
    {
        await using var bed = await StartAsync();
        const string Template = """{"name":"order_update","language":{"code":"es_ES"},"components":[{"type":"body","parameters":[{"type":"text","parameter_name":"order_id","text":"A-1001"}]}]}""";
        var message = new OutboundMessage { Type = "whatsapp_template", WhatsappTemplate = JsonDocument.Parse(Template).RootElement.Clone() };

        var outcome = await bed.Sender(Platform.WhatsApp).SendAsync(Request(WaNumber(), Phone, message), CancellationToken.None);

        Assert.Null(outcome.Error);
        var body = bed.Graph.Sends.Single().BodyJson();
        Assert.Equal("template", Str(body, "type"));
        Assert.Equal(Template, body.GetProperty("template").GetRawText());
    }

    [Fact]
    public async Task SendAsync_ReplyTo_SetsContextMessageId()
    {
        await using var bed = await StartAsync();

        await bed.Sender(Platform.WhatsApp).SendAsync(Request(WaNumber(), Phone, Text("ok") with { ReplyTo = "wamid.IN1" }), CancellationToken.None);

        Assert.Equal("wamid.IN1", Str(bed.Graph.Sends.Single().BodyJson().GetProperty("context"), "message_id"));
    }

    [Fact]
    public async Task SendAsync_TypingOnWithReplyTo_MarksReadWithTypingIndicator()
    {
        await using var bed = await StartAsync();
        var message = new OutboundMessage { Type = "sender_action", Action = "typing_on", ReplyTo = "wamid.HBgL1" };

        var outcome = await bed.Sender(Platform.WhatsApp).SendAsync(Request(WaNumber(), Phone, message), CancellationToken.None);

        Assert.Null(outcome.Error);
        Assert.Null(outcome.MessageId);
        var body = bed.Graph.Sends.Single().BodyJson();
        Assert.Equal(("whatsapp", "read", "wamid.HBgL1"), (Str(body, "messaging_product"), Str(body, "status"), Str(body, "message_id")));
        Assert.Equal("text", Str(body.GetProperty("typing_indicator"), "type"));
    }

    [Fact]
    public async Task SendAsync_TypingOnWithoutReplyTo_FailsFast()
    {
        await using var bed = await StartAsync();

        var outcome = await bed.Sender(Platform.WhatsApp).SendAsync(
            Request(WaNumber(), Phone, new OutboundMessage { Type = "sender_action", Action = "typing_on" }), CancellationToken.None);

        Assert.Equal(SendErrorKind.BadRequest, outcome.Error!.Kind);
        Assert.Empty(bed.Graph.Calls);
    }

    [Theory]
    [InlineData(131047, SendErrorKind.WindowClosed)]
    [InlineData(130429, SendErrorKind.RateLimited)]
    [InlineData(131056, SendErrorKind.RateLimited)]
    [InlineData(190, SendErrorKind.TokenInvalid)]
    [InlineData(131000, SendErrorKind.Transient)]
    public async Task SendAsync_ScriptedError_IsClassified(int code, SendErrorKind expected)
    {
        await using var bed = await StartAsync();
        bed.Graph.Script(WaNumberId).FailWith(code);

        var outcome = await bed.Sender(Platform.WhatsApp).SendAsync(Request(WaNumber(), Phone, Text("hi")), CancellationToken.None);

        Assert.Equal((expected, code), (outcome.Error!.Kind, outcome.Error.Code));
        Assert.NotNull(outcome.Error.FbtraceId);
        bed.AssertNoSecretsLeaked(outcome.Error.Message);
    }

    [Fact]
    public async Task SendAsync_UndeliverableUser_IsInvalidRecipient()
    {
        await using var bed = await StartAsync(g => g.MarkReset(WaNumberId, WaId));

        var outcome = await bed.Sender(Platform.WhatsApp).SendAsync(Request(WaNumber(), Phone, Text("hi")), CancellationToken.None);

        Assert.Equal((SendErrorKind.InvalidRecipient, 131026), (outcome.Error!.Kind, outcome.Error.Code));
    }

    [Fact]
    public async Task SendAsync_ServiceUnavailableHtml_IsTransient()
    {
        await using var bed = await StartAsync();
        bed.Graph.Script(WaNumberId).Respond(503, "<html>Service Unavailable</html>", "text/html");

        var outcome = await bed.Sender(Platform.WhatsApp).SendAsync(Request(WaNumber(), Phone, Text("hi")), CancellationToken.None);

        Assert.Equal(SendErrorKind.Transient, outcome.Error!.Kind);
    }

    [Theory]
    [InlineData("text", null, null)]
    [InlineData("image", null, null)]
    [InlineData("whatsapp_template", null, null)]
    [InlineData("list", "pick", null)]
    [InlineData("carousel", "x", null)]
    public async Task SendAsync_InvalidMessage_FailsFastWithoutCallingMeta(string type, string? body, string? url)
    {
        await using var bed = await StartAsync();

        var outcome = await bed.Sender(Platform.WhatsApp).SendAsync(
            Request(WaNumber(), Phone, new OutboundMessage { Type = type, Body = body, Url = url }), CancellationToken.None);

        Assert.Equal(SendErrorKind.BadRequest, outcome.Error!.Kind);
        Assert.Empty(bed.Graph.Calls);
    }

    [Fact]
    public async Task SendAsync_TextOver4096_FailsFast()
    {
        await using var bed = await StartAsync();

        var outcome = await bed.Sender(Platform.WhatsApp).SendAsync(Request(WaNumber(), Phone, Text(new string('a', 4097))), CancellationToken.None);

        Assert.Equal(SendErrorKind.BadRequest, outcome.Error!.Kind);
        Assert.Empty(bed.Graph.Calls);
    }

    private static string? Str(JsonElement e, string name) => e.GetProperty(name).GetString();
}
