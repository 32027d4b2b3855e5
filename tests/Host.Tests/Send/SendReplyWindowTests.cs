using static Normalizer.Host.Tests.Send.SendFixture;

namespace Normalizer.Host.Tests.Send;

/// <summary>
/// The reply windows through <c>POST /v1/messages</c> on a host whose clock is fake (<see cref="SendFixture.Time"/>): the customer
/// writes, the clock moves to one second inside the window (sent) and then one second outside (window_closed,
/// Meta not called).
/// </summary>
public sealed class SendReplyWindowTests : IAsyncLifetime
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private SendFixture _f = null!;

    public async Task InitializeAsync() => _f = await SendFixture.StartAsync();

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Send_Response_OpenUntil24HoursThenClosed()
    {
        await _f.InboundAsync(PageA, PsidA);

        _f.Time.Advance(TimeSpan.FromHours(24) - Second);
        var (inside, _) = await _f.SendAsync(Messenger());
        _f.Time.Advance(Second * 2);
        var (outside, result) = await _f.SendAsync(Messenger());

        Assert.Equal((200, 422), (inside, outside));
        Assert.Equal("window_closed", result.GetProperty("error").GetProperty("kind").GetString());
        Assert.Single(_f.Graph.SendsTo(PageA));
    }

    [Fact]
    public async Task Send_HumanAgentTag_OpenUntil7DaysThenClosed()
    {
        await _f.InboundAsync(PageA, PsidA);

        _f.Time.Advance(TimeSpan.FromDays(7) - Second);
        var (inside, _) = await _f.SendAsync(Messenger("MESSAGE_TAG", "HUMAN_AGENT"));
        _f.Time.Advance(Second * 2);
        var (outside, result) = await _f.SendAsync(Messenger("MESSAGE_TAG", "HUMAN_AGENT"));

        Assert.Equal((200, 422), (inside, outside));
        Assert.Equal("window_closed", result.GetProperty("error").GetProperty("kind").GetString());
        Assert.Equal("HUMAN_AGENT", Assert.Single(_f.Graph.SendsTo(PageA)).BodyJson().GetProperty("tag").GetString());
    }

    [Fact]
    public async Task Send_ResponseJustAfter24Hours_IsClosedWhileHumanAgentIsStillOpen()
    {
        await _f.InboundAsync(PageA, PsidA);

        _f.Time.Advance(TimeSpan.FromHours(24) + Second);
        var (response, _) = await _f.SendAsync(Messenger());
        var (humanAgent, _) = await _f.SendAsync(Messenger("MESSAGE_TAG", "HUMAN_AGENT"));

        Assert.Equal((422, 200), (response, humanAgent));
    }

    [Fact]
    public async Task Send_WhatsAppText_OpenUntil24HoursThenClosedButTemplatesStillGo()
    {
        await _f.InboundWhatsAppAsync(WaId);

        _f.Time.Advance(TimeSpan.FromHours(24) - Second);
        var (inside, _) = await _f.SendAsync(WhatsApp(new { type = "text", body = "hola" }));
        _f.Time.Advance(Second * 2);
        var (outside, result) = await _f.SendAsync(WhatsApp(new { type = "text", body = "hola" }));
        var (template, _) = await _f.SendAsync(WhatsApp(new { type = "whatsapp_template", whatsapp_template = new { name = "order_update", language = new { code = "es" } } }));

        Assert.Equal((200, 422, 200), (inside, outside, template));
        Assert.Equal("window_closed", result.GetProperty("error").GetProperty("kind").GetString());
        Assert.Equal(2, _f.Graph.SendsTo(Number).Count);
    }

    private static Dictionary<string, object?> Messenger(string messagingType = "RESPONSE", string? tag = null) => new()
    {
        ["platform"] = "facebook", ["page_id"] = PageA, ["to"] = PsidA, ["message"] = new { type = "text", body = "Your order shipped" },
        ["messaging_type"] = messagingType, ["tag"] = tag,
    };

    private static object WhatsApp(object message) => new { platform = "whatsapp", page_id = Number, to = WaId, message };
}
