using System.Net.Http.Json;
using System.Text.Json;
using Normalizer.Host.Tests.Send;
using Normalizer.Testing.FakeGraph;
using static Normalizer.Host.Tests.Send.SendFixture;

namespace Normalizer.Host.Tests.Identity;

/// <summary>A customer who comes back under a new PSID after a reset (block/unblock, opt-out), against the fake Graph API.</summary>
public sealed class PsidResetTests : IAsyncLifetime
{
    private const string NewPsid = "7723419865508888";

    private static readonly FakeProfile Bea = new() { FirstName = "Bea", LastName = "Lima", ProfilePic = "https://fake.example/pics/bea-1.jpg" };

    private SendFixture _f = null!;

    public async Task InitializeAsync() => _f = await SendFixture.StartAsync();

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Inbound_NewPsidWhoseIdsForAppsGivesAStaleContactsAsid_RelinksConfirmed()
    {
        _f.Graph.LinkAsid(Asid, AppId, PageA, PsidA);
        await _f.InboundAsync(PageA, PsidA);
        await WaitAsync(async () => (await _f.ContactAsync(PsidA, PageA)).GetProperty("asid").GetString() == Asid);
        _f.Graph.MarkReset(PageA, PsidA);
        Assert.Equal(422, (await _f.SendAsync(Text(PsidA, PageA))).Status);
        var old = await _f.ContactAsync(PsidA, PageA);
        _f.Graph.RelinkAsid(Asid, PageA, NewPsid);

        await _f.InboundAsync(PageA, NewPsid);
        var raw = await RelinkedAsync();

        var current = await _f.ContactAsync(NewPsid, PageA);
        Assert.Equal("confirmed", raw.GetProperty("confidence").GetString());
        Assert.Equal("ids_for_apps", raw.GetProperty("method").GetString());
        Assert.Equal(PsidA, raw.GetProperty("previous_user_id").GetString());
        Assert.Equal(NewPsid, raw.GetProperty("user_id").GetString());
        Assert.Equal(Asid, raw.GetProperty("asid").GetString());
        Assert.Equal(current.GetProperty("id").GetString(), raw.GetProperty("contact_id").GetString());
        Assert.Equal(old.GetProperty("person_id").GetString(), raw.GetProperty("person_id").GetString());
        Assert.Equal(old.GetProperty("person_id").GetString(), current.GetProperty("person_id").GetString());
    }

    [Fact]
    public async Task Inbound_NewPsidGivenByAStaleContactsIdsForPages_RelinksConfirmed()
    {
        _f.Graph.LinkAsid(Asid, AppId, PageA, PsidA);
        await _f.InboundAsync(PageA, PsidA);
        await WaitAsync(async () => (await _f.ContactAsync(PsidA, PageA)).GetProperty("asid").GetString() == Asid);
        await OptOutAsync(PageA, PsidA);
        var old = await _f.ContactAsync(PsidA, PageA);
        _f.Graph.RelinkAsid(Asid, PageA, NewPsid);
        // The new PSID's own ids_for_apps fails: only the stale contact's ASID can tell who it is.
        _f.Graph.Script(FakeGraphCallKind.IdsForApps, PageA, NewPsid).FailWith(2, httpStatus: 500);

        await _f.InboundAsync(PageA, NewPsid);
        var raw = await RelinkedAsync();

        Assert.Equal("confirmed", raw.GetProperty("confidence").GetString());
        Assert.Equal("ids_for_pages", raw.GetProperty("method").GetString());
        Assert.Equal(PsidA, raw.GetProperty("previous_user_id").GetString());
        Assert.Equal(Asid, raw.GetProperty("asid").GetString());
        var current = await _f.ContactAsync(NewPsid, PageA);
        Assert.Equal(old.GetProperty("person_id").GetString(), current.GetProperty("person_id").GetString());
        Assert.Equal(Asid, current.GetProperty("asid").GetString());
    }

    [Fact]
    public async Task Inbound_NewPsidWithTheProfileOfOneStaleContact_RelinksAsProfileMatch()
    {
        const string oldPsid = "5500000000000001";
        _f.Graph.AddUser(PageA, oldPsid, Bea);
        await _f.InboundAsync(PageA, oldPsid);
        await _f.WaitForProfileAsync(oldPsid, PageA);
        await OptOutAsync(PageA, oldPsid);
        var old = await _f.ContactAsync(oldPsid, PageA);
        _f.Graph.AddUser(PageA, NewPsid, Bea);

        await _f.InboundAsync(PageA, NewPsid);
        var raw = await RelinkedAsync();

        Assert.Equal("profile_match", raw.GetProperty("confidence").GetString());
        Assert.Equal("profile", raw.GetProperty("method").GetString());
        Assert.Equal(oldPsid, raw.GetProperty("previous_user_id").GetString());
        Assert.Equal(JsonValueKind.Null, raw.GetProperty("asid").ValueKind);
        var current = await _f.ContactAsync(NewPsid, PageA);
        Assert.Equal(old.GetProperty("person_id").GetString(), current.GetProperty("person_id").GetString());
        Assert.Equal(old.GetProperty("person_id").GetString(), raw.GetProperty("person_id").GetString());
    }

    [Fact]
    public async Task Inbound_NewPsidWithTheProfileOfTwoStaleContacts_IsANewContactWithoutRelink()
    {
        string[] stale = ["5500000000000001", "5500000000000002"];
        foreach (var psid in stale)
        {
            _f.Graph.AddUser(PageA, psid, Bea);
            await _f.InboundAsync(PageA, psid);
            await _f.WaitForProfileAsync(psid, PageA);
        }

        foreach (var psid in stale)
        {
            await OptOutAsync(PageA, psid);
        }

        _f.Graph.AddUser(PageA, NewPsid, Bea);

        await _f.InboundAsync(PageA, NewPsid);
        await _f.WaitForIdentityWorkerAsync();

        Assert.Empty(await _f.App.WaitForEventsAsync(0, "event=identity.relinked"));
        var current = await _f.ContactAsync(NewPsid, PageA);
        Assert.True(current.GetProperty("is_active").GetBoolean());
        foreach (var psid in stale)
        {
            Assert.NotEqual((await _f.ContactAsync(psid, PageA)).GetProperty("person_id").GetString(), current.GetProperty("person_id").GetString());
        }
    }

    [Fact]
    public async Task Optout_FromAContact_MarksItStale()
    {
        await _f.InboundAsync(PageA, PsidA);
        Assert.True((await _f.ContactAsync(PsidA, PageA)).GetProperty("is_active").GetBoolean());

        await OptOutAsync(PageA, PsidA);

        Assert.False((await _f.ContactAsync(PsidA, PageA)).GetProperty("is_active").GetBoolean());
    }

    [Fact]
    public async Task Inbound_FromAStaleContact_MarksItActiveAgain()
    {
        await _f.InboundAsync(PageA, PsidA);
        await OptOutAsync(PageA, PsidA);

        await _f.InboundAsync(PageA, PsidA);

        Assert.True((await _f.ContactAsync(PsidA, PageA)).GetProperty("is_active").GetBoolean());
    }

    [Fact]
    public async Task Send_RefreshedId_EmitsIdentityRelinked()
    {
        _f.Graph.LinkAsid(Asid, AppId, PageA, PsidA);
        await _f.InboundAsync(PageA, PsidA);
        await WaitAsync(async () => (await _f.ContactAsync(PsidA, PageA)).GetProperty("asid").GetString() == Asid);
        var old = await _f.ContactAsync(PsidA, PageA);
        _f.Graph.RelinkAsid(Asid, PageA, NewPsid).MarkReset(PageA, PsidA);

        var (status, result) = await _f.SendAsync(Text(PsidA, PageA));

        Assert.Equal(200, status);
        Assert.Equal("refreshed_id", result.GetProperty("fallback").GetString());
        var raw = await RelinkedAsync();
        Assert.Equal("confirmed", raw.GetProperty("confidence").GetString());
        Assert.Equal("ids_for_pages", raw.GetProperty("method").GetString());
        Assert.Equal(PsidA, raw.GetProperty("previous_user_id").GetString());
        Assert.Equal(NewPsid, raw.GetProperty("user_id").GetString());
        Assert.Equal(Asid, raw.GetProperty("asid").GetString());
        Assert.Equal(old.GetProperty("person_id").GetString(), raw.GetProperty("person_id").GetString());
        Assert.Equal((await _f.ContactAsync(NewPsid, PageA)).GetProperty("id").GetString(), raw.GetProperty("contact_id").GetString());
    }

    [Fact]
    public async Task Inbound_WhatsAppPersonWithAQueuedSendWritesAgain_SendsItOnWhatsApp()
    {
        await _f.InboundWhatsAppAsync(WaId);
        _f.Graph.MarkReset(Number, WaId);
        var (status, _) = await _f.SendAsync(new Dictionary<string, object?>
        {
            ["platform"] = "whatsapp", ["page_id"] = Number, ["to"] = WaId,
            ["message"] = new { type = "text", body = "Kept for you" }, ["queue_if_unreachable"] = true,
        });
        Assert.Equal(202, status);
        var failed = _f.Graph.SendsTo(Number).Count;
        _f.Graph.MarkReset(Number, WaId, reset: false);

        await _f.InboundWhatsAppAsync(WaId);
        await WaitAsync(() => Task.FromResult(_f.Graph.SendsTo(Number).Count > failed));

        var sent = Assert.Single(_f.Graph.SendsTo(Number).Skip(failed));
        Assert.Equal("Kept for you", sent.BodyJson().GetProperty("text").GetProperty("body").GetString());
        Assert.Equal("+" + WaId, sent.BodyJson().GetProperty("to").GetString());
    }

    [Fact]
    public async Task Inbound_PersonWithAQueuedMessengerSendWritesOnWhatsApp_SendsItOnWhatsApp()
    {
        await _f.InboundAsync(PageA, PsidA);
        await _f.InboundWhatsAppAsync(WaId);
        var fb = await _f.ContactAsync(PsidA, PageA);
        var wa = await _f.ContactAsync(WaId, Number);
        using (var api = _f.App.Api())
        {
            (await api.PostAsJsonAsync($"/v1/contacts/{fb.GetProperty("id").GetString()}/links", new { contact_id = wa.GetProperty("id").GetString() }))
                .EnsureSuccessStatusCode();
        }

        _f.Graph.MarkReset(PageA, PsidA);
        var queued = Text(PsidA, PageA);
        queued["queue_if_unreachable"] = true;
        Assert.Equal(202, (await _f.SendAsync(queued)).Status);
        Assert.Empty(_f.Graph.SendsTo(Number));

        await _f.InboundWhatsAppAsync(WaId);
        await WaitAsync(() => Task.FromResult(_f.Graph.SendsTo(Number).Count > 0));

        var sent = Assert.Single(_f.Graph.SendsTo(Number));
        Assert.Equal("Your order shipped", sent.BodyJson().GetProperty("text").GetProperty("body").GetString());
    }

    [Fact]
    public async Task Inbound_SamePsidOnTwoPages_IsTwoContacts()
    {
        _f.Graph.AddUser(PageB, PsidA);

        await _f.InboundAsync(PageA, PsidA);
        await _f.InboundAsync(PageB, PsidA);
        await _f.WaitForIdentityWorkerAsync();

        var onA = await _f.ContactAsync(PsidA, PageA);
        var onB = await _f.ContactAsync(PsidA, PageB);
        Assert.NotEqual(onA.GetProperty("id").GetString(), onB.GetProperty("id").GetString());
        Assert.NotEqual(onA.GetProperty("person_id").GetString(), onB.GetProperty("person_id").GetString());
        Assert.Empty(await _f.App.WaitForEventsAsync(0, "event=identity.relinked"));
    }

    [Fact]
    public async Task Inbound_ConcurrentFirstMessagesFromOneNewPsid_CreateOneContact()
    {
        var at = _f.Time.GetUtcNow();
        var bodies = Enumerable.Range(0, 6).Select(i => SendBodies.MessengerText(PageA, PsidA, $"m_concurrent_{i}", at)).ToList();

        var responses = await Task.WhenAll(bodies.Select(b => _f.App.PostWebhookAsync(b)));
        var stored = await _f.App.WaitForEventsAsync(bodies.Count, "event=message.received");

        Assert.Equal(bodies.Count, stored.Count);
        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode));
        using var api = _f.App.Api();
        var page = await api.GetFromJsonAsync<JsonElement>($"/v1/contacts?scoped_id={PsidA}&scope_id={PageA}");
        var contact = Assert.Single(page.GetProperty("data").EnumerateArray());
        Assert.Equal(PsidA, contact.GetProperty("scoped_id").GetString());
    }

    private static Dictionary<string, object?> Text(string to, string pageId) => new()
    {
        ["platform"] = "facebook", ["page_id"] = pageId, ["to"] = to, ["message"] = new { type = "text", body = "Your order shipped" },
    };

    private async Task OptOutAsync(string pageId, string psid)
    {
        var before = (await _f.App.WaitForEventsAsync(0, "event=optout.received")).Count;
        await _f.App.PostWebhookAsync(SendBodies.MessengerOptout(pageId, psid, _f.Time.GetUtcNow()));
        await _f.App.WaitForEventsAsync(before + 1, "event=optout.received");
    }

    private async Task<JsonElement> RelinkedAsync()
    {
        var relinked = Assert.Single(await _f.App.WaitForEventsAsync(1, "event=identity.relinked"));
        return relinked.GetProperty("raw");
    }
}
