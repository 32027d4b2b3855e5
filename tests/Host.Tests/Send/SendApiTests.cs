using System.Net.Http.Json;
using System.Text.Json;
using Normalizer.Testing;
using Normalizer.Testing.FakeGraph;
using static Normalizer.Host.Tests.Send.SendFixture;

namespace Normalizer.Host.Tests.Send;

public sealed class SendApiTests : IAsyncLifetime
{
    private static readonly TimeSpan MaxDelay = new Sending.SendOptions().MaxDelay;

    private SendFixture _f = null!;

    public async Task InitializeAsync() => _f = await SendFixture.StartAsync();

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static object Text(string to, string? pageId, string body = "Your order shipped", object? extra = null) =>
        new Dictionary<string, object?>
        {
            ["platform"] = "facebook", ["page_id"] = pageId, ["to"] = to,
            ["message"] = new { type = "text", body },
        }.Concat(extra is null ? [] : JsonSerializer.SerializeToElement(extra).EnumerateObject().Select(p => KeyValuePair.Create(p.Name, (object?)p.Value)))
         .ToDictionary();

    [Fact]
    public async Task Send_ToPsidOfEachPage_UsesThatPagesTokenAndAValidProof()
    {
        await _f.InboundAsync(PageA, PsidA);
        await _f.InboundAsync(PageB, PsidB);

        var (statusA, a) = await _f.SendAsync(Text(PsidA, PageA));
        var (statusB, _) = await _f.SendAsync(Text(PsidB, PageB));

        Assert.Equal(200, statusA);
        Assert.Equal(200, statusB);
        Assert.Equal("sent", a.GetProperty("status").GetString());
        Assert.Equal(PageA, a.GetProperty("page_id").GetString());
        Assert.Equal(PsidA, a.GetProperty("to").GetString());
        Assert.Equal(JsonValueKind.Null, a.GetProperty("fallback").ValueKind);
        Assert.Equal(JsonValueKind.Null, a.GetProperty("error").ValueKind);
        var sendA = Assert.Single(_f.Graph.SendsTo(PageA));
        var sendB = Assert.Single(_f.Graph.SendsTo(PageB));
        Assert.True(sendA.UsedToken(TokenA) && sendB.UsedToken(TokenB));
        Assert.True(sendA.ProofValid && sendB.ProofValid);
        Assert.Equal("v25.0", sendA.Version);
        Assert.Equal(sendA.ResponseJson().GetProperty("message_id").GetString(), a.GetProperty("message_id").GetString());
        var attempt = Assert.Single(a.GetProperty("attempts").EnumerateArray());
        Assert.Equal("sent", attempt.GetProperty("outcome").GetString());
        var body = sendA.BodyJson();
        Assert.Equal(PsidA, body.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("RESPONSE", body.GetProperty("messaging_type").GetString());
        Assert.Equal("Your order shipped", body.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Send_ToConversationId_ResolvesPageAndUserFromTheEventLog()
    {
        await _f.InboundAsync(PageB, PsidB);
        var conversation = (await _f.App.WaitForEventsAsync(1)).Single().GetProperty("conversation_id").GetString()!;

        var (status, result) = await _f.SendAsync(new { to = conversation, message = new { type = "text", body = "hi" } });

        Assert.Equal(200, status);
        Assert.Equal(PageB, result.GetProperty("page_id").GetString());
        Assert.True(Assert.Single(_f.Graph.SendsTo(PageB, PsidB)).UsedToken(TokenB));
        Assert.Empty(_f.Graph.SendsTo(PageA));
    }

    [Fact]
    public async Task Send_OutsideWindowWithoutTag_Is422WindowClosedWithoutCallingMeta()
    {
        await _f.InboundAsync(PageA, PsidA, ago: TimeSpan.FromDays(2));

        var (status, result) = await _f.SendAsync(Text(PsidA, PageA));

        Assert.Equal(422, status);
        Assert.Equal("failed", result.GetProperty("status").GetString());
        Assert.Equal("window_closed", result.GetProperty("error").GetProperty("kind").GetString());
        Assert.Empty(_f.Graph.Sends);
    }

    [Fact]
    public async Task Send_OutsideWindowWithHumanAgentTag_IsSentAsMessageTag()
    {
        await _f.InboundAsync(PageA, PsidA, ago: TimeSpan.FromDays(2));

        var (status, _) = await _f.SendAsync(Text(PsidA, PageA, extra: new { messaging_type = "MESSAGE_TAG", tag = "HUMAN_AGENT" }));

        Assert.Equal(200, status);
        var body = Assert.Single(_f.Graph.Sends).BodyJson();
        Assert.Equal("MESSAGE_TAG", body.GetProperty("messaging_type").GetString());
        Assert.Equal("HUMAN_AGENT", body.GetProperty("tag").GetString());
    }

    [Fact]
    public async Task Send_RateLimited613Twice_BacksOffThenSucceeds()
    {
        await _f.InboundAsync(PageA, PsidA);
        _f.Graph.Script(PageA).FailTimes(2, 613);

        var send = _f.SendAsync(Text(PsidA, PageA));
        var first = await _f.Time.NextDelayAsync();
        var callsDuringFirstWait = _f.Graph.SendsTo(PageA).Count;
        _f.Time.Advance(first);
        var second = await _f.Time.NextDelayAsync();
        var callsDuringSecondWait = _f.Graph.SendsTo(PageA).Count;
        _f.Time.Advance(second);
        var (status, result) = await send;

        Assert.Equal(200, status);
        Assert.Equal((1, 2), (callsDuringFirstWait, callsDuringSecondWait));
        Assert.All([first, second], d => Assert.InRange(d, TimeSpan.FromMilliseconds(1), MaxDelay));
        Assert.Equal(["rate_limited", "rate_limited", "sent"], result.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("outcome").GetString()));
        Assert.Equal(613, result.GetProperty("attempts")[0].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(3, _f.Graph.SendsTo(PageA).Count);
        Assert.True(_f.Time.NoPendingDelay);
    }

    [Fact]
    public async Task Send_WhatsAppThroughput130429Once_BacksOffThenSucceeds()
    {
        await _f.InboundWhatsAppAsync(WaId);
        _f.Graph.Script(Number).FailTimes(1, 130429);

        var send = _f.SendAsync(new { platform = "whatsapp", page_id = Number, to = WaId, message = new { type = "text", body = "hola" } });
        await _f.Time.AdvanceToNextDelayAsync();
        var (status, result) = await send;

        Assert.Equal(200, status);
        Assert.Equal(2, result.GetProperty("attempts").GetArrayLength());
        Assert.StartsWith("wamid.", result.GetProperty("message_id").GetString());
        Assert.True(_f.Graph.SendsTo(Number).All(c => c.UsedToken(WaToken) && c.ProofValid));
    }

    [Fact]
    public async Task Send_RateLimitedBeyondRetries_Is429AfterThreeBackoffs()
    {
        await _f.InboundAsync(PageA, PsidA);
        _f.Graph.Script(PageA).FailTimes(10, 613);

        var send = _f.SendAsync(Text(PsidA, PageA));
        for (var wait = 0; wait < 3; wait++)
        {
            await _f.Time.AdvanceToNextDelayAsync();
        }

        var (status, result) = await send;

        Assert.Equal(429, status);
        Assert.Equal("rate_limited", result.GetProperty("error").GetProperty("kind").GetString());
        Assert.Equal(4, result.GetProperty("attempts").GetArrayLength());
        Assert.Equal(4, _f.Graph.SendsTo(PageA).Count);
        Assert.True(_f.Time.NoPendingDelay);
    }

    [Fact]
    public async Task Send_TokenExpired_Is502TokenInvalidWithMetaIdentifiers()
    {
        await _f.InboundAsync(PageA, PsidA);
        _f.Graph.Script(PageA).FailWith(190, 463, 400);

        var (status, result) = await _f.SendAsync(Text(PsidA, PageA));

        Assert.Equal(502, status);
        var error = result.GetProperty("error");
        Assert.Equal("token_invalid", error.GetProperty("kind").GetString());
        Assert.Equal(190, error.GetProperty("code").GetInt32());
        Assert.Equal(463, error.GetProperty("subcode").GetInt32());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("fbtrace_id").GetString()));
        Assert.Single(_f.Graph.Sends);
    }

    [Fact]
    public async Task Send_Psid551WithLinkedAsid_RefreshesPsidRetriesOnceAndUpdatesContacts()
    {
        const string newPsid = "7723419865509999";
        _f.Graph.LinkAsid(Asid, AppId, PageA, PsidA);
        await _f.InboundAsync(PageA, PsidA);
        var old = await _f.ContactAsync(PsidA, PageA);
        using (var api = _f.App.Api())
        {
            (await api.PostAsJsonAsync($"/v1/contacts/{old.GetProperty("id").GetString()}/links", new { asid = Asid, app_id = AppId })).EnsureSuccessStatusCode();
        }

        _f.Graph.RelinkAsid(Asid, PageA, newPsid).MarkReset(PageA, PsidA);

        var (status, result) = await _f.SendAsync(Text(PsidA, PageA));

        Assert.Equal(200, status);
        Assert.Equal("refreshed_id", result.GetProperty("fallback").GetString());
        Assert.Equal(newPsid, result.GetProperty("to").GetString());
        Assert.Equal(["invalid_recipient", "sent"], result.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("outcome").GetString()));
        Assert.Single(_f.Graph.CallsOf(FakeGraphCallKind.IdsForPages));
        Assert.Single(_f.Graph.SendsTo(PageA, newPsid));
        Assert.False((await _f.ContactAsync(PsidA, PageA)).GetProperty("is_active").GetBoolean());
        var refreshed = await _f.ContactAsync(newPsid, PageA);
        Assert.True(refreshed.GetProperty("is_active").GetBoolean());
        Assert.Equal(Asid, refreshed.GetProperty("asid").GetString());
        Assert.Equal(old.GetProperty("person_id").GetString(), refreshed.GetProperty("person_id").GetString());
    }

    [Fact]
    public async Task Send_Psid551WithoutAsidButLinkedWhatsApp_SendsOnWhatsApp()
    {
        await _f.InboundAsync(PageA, PsidA);
        await _f.InboundWhatsAppAsync(WaId);
        var fb = await _f.ContactAsync(PsidA, PageA);
        var wa = await _f.ContactAsync(WaId, Number);
        using (var api = _f.App.Api())
        {
            (await api.PostAsJsonAsync($"/v1/contacts/{fb.GetProperty("id").GetString()}/links", new { contact_id = wa.GetProperty("id").GetString() })).EnsureSuccessStatusCode();
        }

        _f.Graph.MarkReset(PageA, PsidA);

        var (status, result) = await _f.SendAsync(Text(PsidA, PageA, extra: new { fallback_channels = new[] { "whatsapp" } }));

        Assert.Equal(200, status);
        Assert.Equal("channel", result.GetProperty("fallback").GetString());
        Assert.Equal("whatsapp", result.GetProperty("platform").GetString());
        Assert.Equal(Number, result.GetProperty("page_id").GetString());
        Assert.Equal(WaId, result.GetProperty("to").GetString());
        var send = Assert.Single(_f.Graph.SendsTo(Number));
        Assert.Equal("+" + WaId, send.BodyJson().GetProperty("to").GetString());
        Assert.Equal("Your order shipped", send.BodyJson().GetProperty("text").GetProperty("body").GetString());
    }

    [Fact]
    public async Task Send_UnreachableWithoutFallback_Is422InvalidRecipient()
    {
        await _f.InboundAsync(PageA, PsidA);
        _f.Graph.MarkReset(PageA, PsidA);

        var (status, result) = await _f.SendAsync(Text(PsidA, PageA));

        Assert.Equal(422, status);
        var error = result.GetProperty("error");
        Assert.Equal("invalid_recipient", error.GetProperty("kind").GetString());
        Assert.Equal(551, error.GetProperty("code").GetInt32());
        Assert.Equal(1545041, error.GetProperty("subcode").GetInt32());
    }

    [Fact]
    public async Task Inbound_SameCustomerTwice_AsksIdMatchingOnce()
    {
        // No ASID for PsidA: every look at it would ask ids_for_apps again.
        await _f.InboundAsync(PageA, PsidA);
        await _f.InboundAsync(PageA, PsidA);
        // One worker looks at the events in order: once PsidB's lookup is seen, PsidA's second message was looked at.
        await _f.InboundAsync(PageB, PsidB);
        await WaitAsync(() => Task.FromResult(_f.Graph.CallsOf(FakeGraphCallKind.IdsForApps).Any(c => c.Path.Contains(PsidB, StringComparison.Ordinal))));

        Assert.Single(_f.Graph.CallsOf(FakeGraphCallKind.IdsForApps), c => c.Path.Contains(PsidA, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_UnreachableQueued_IsSentAfterTheRelinkedPersonWritesAgain()
    {
        const string newPsid = "7723419865508888";
        _f.Graph.LinkAsid(Asid, AppId, PageA, PsidA);
        await _f.InboundAsync(PageA, PsidA);
        await WaitAsync(async () => (await _f.ContactAsync(PsidA, PageA)).TryGetProperty("asid", out var a) && a.GetString() == Asid);
        _f.Graph.MarkReset(PageA, PsidA);

        var (status, result) = await _f.SendAsync(Text(PsidA, PageA, "Kept for you", new { queue_if_unreachable = true }));

        Assert.Equal(202, status);
        Assert.Equal("queued", result.GetProperty("status").GetString());
        Assert.Empty(_f.Graph.SendsTo(PageA, newPsid));

        _f.Graph.RelinkAsid(Asid, PageA, newPsid);
        await _f.InboundAsync(PageA, newPsid);
        await WaitAsync(() => Task.FromResult(_f.Graph.SendsTo(PageA, newPsid).Count == 1));

        Assert.Equal("Kept for you", _f.Graph.SendsTo(PageA, newPsid)[0].BodyJson().GetProperty("message").GetProperty("text").GetString());
        var events = await _f.App.WaitForEventsAsync(3, "event=identity.relinked");
        var relinked = Assert.Single(events);
        Assert.Equal(newPsid, relinked.GetProperty("user_id").GetString());
        Assert.Equal(PsidA, relinked.GetProperty("raw").GetProperty("previous_user_id").GetString());
    }

    [Theory]
    [InlineData("""{"to":"","message":{"type":"text","body":"x"}}""", "'to' is required")]
    [InlineData("""{"to":"1","page_id":"1","message":{"type":"fax","body":"x"}}""", "'message.type' must be one of")]
    [InlineData("""{"to":"1","page_id":"1","message":{"type":"image"}}""", "'message.url' must be an absolute http(s) URL")]
    [InlineData("""{"to":"1","page_id":"1","message":{"type":"text","body":"x"},"messaging_type":"MESSAGE_TAG"}""", "'tag' is required")]
    [InlineData("""{"to":"1","page_id":"1","message":{"type":"text","body":"x"},"platform":"telegram"}""", "not a valid send request")]
    [InlineData("""{"to":"1"}""", "not a valid send request")]
    [InlineData("""not json""", "not a valid send request")]
    public async Task Send_InvalidRequest_Is400WithJsonError(string json, string message)
    {
        using var api = _f.App.Api();

        var response = await api.PostAsync("/v1/messages", NormalizerApplication.Json(json));

        Assert.Equal(400, (int)response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Contains(message, error.GetProperty("message").GetString());
        Assert.Empty(_f.Graph.Sends);
    }

    [Fact]
    public async Task Send_UnknownPage_Is422BadRequestWithoutCallingMeta()
    {
        var (status, result) = await _f.SendAsync(Text(PsidA, "999999999999999"));

        Assert.Equal(422, status);
        Assert.Equal("bad_request", result.GetProperty("error").GetProperty("kind").GetString());
        Assert.Empty(_f.Graph.Calls);
    }

    [Fact]
    public async Task Send_Anything_NeverLogsTokensOrSecrets()
    {
        await _f.InboundAsync(PageA, PsidA);
        _f.Graph.Script(PageA).FailWith(190, 463, 400);
        await _f.SendAsync(Text(PsidA, PageA));
        await _f.SendAsync(Text(PsidA, PageA));

        var logs = string.Join("\n", _f.App.Logs.Lines());

        foreach (var secret in new[] { TokenA, TokenB, WaToken, AppSecret })
        {
            Assert.DoesNotContain(secret, logs);
        }
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(50);
        }
    }
}
