using System.Net.Http.Json;
using System.Text.Json;
using Normalizer.Host.Tests.Send;
using Normalizer.Testing.FakeGraph;
using static Normalizer.Host.Tests.Send.SendFixture;

namespace Normalizer.Host.Tests.Identity;

/// <summary>
/// Persons joined by Meta's ID matching, against the fake Graph API: contacts on two Pages that carry one ASID of the app are
/// one person (the older survives), whether ids_for_apps, a pages_id_mapping resolve or the API linked the ASID; a profile
/// alone never joins them.
/// </summary>
public sealed class PersonMergeTests : IAsyncLifetime
{
    private static readonly FakeProfile Bea = new() { FirstName = "Bea", LastName = "Lima", ProfilePic = "https://fake.example/pics/bea-1.jpg" };

    private SendFixture _f = null!;

    public async Task InitializeAsync() => _f = await SendFixture.StartAsync();

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Inbound_IdsForAppsGivesTheAsidOfAContactOnAnotherPage_JoinsTheOlderPerson()
    {
        _f.Graph.LinkAsid(Asid, AppId, PageA, PsidA).LinkAsid(Asid, AppId, PageB, PsidB);
        await _f.InboundAsync(PageA, PsidA, ago: TimeSpan.FromHours(1));
        await WaitAsync(async () => (await _f.ContactAsync(PsidA, PageA)).GetProperty("asid").GetString() == Asid);
        var older = (await _f.ContactAsync(PsidA, PageA)).GetProperty("person_id").GetString();

        await _f.InboundAsync(PageB, PsidB);
        await WaitAsync(async () => (await _f.ContactAsync(PsidB, PageB)).GetProperty("person_id").GetString() == older);

        var person = await PersonAsync(older!);
        Assert.Equal(new[] { PsidA, PsidB }.Order(), person.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("scoped_id").GetString()).Order());
        Assert.Equal(Asid, (await _f.ContactAsync(PsidB, PageB)).GetProperty("asid").GetString());
        var onB = Assert.Single(await _f.App.WaitForEventsAsync(1, $"page_id={PageB}"));
        Assert.Equal(older, onB.GetProperty("person_id").GetString());
        Assert.Empty(await _f.App.WaitForEventsAsync(0, "event=identity.relinked"));
    }

    [Fact]
    public async Task Resolve_PsidOfAKnownContactWithoutAsid_LinksTheAsidAndJoinsItsPerson()
    {
        _f.Graph.LinkAsid(Asid, AppId, PageA, PsidA);
        await _f.InboundAsync(PageA, PsidA, ago: TimeSpan.FromHours(1));
        await WaitAsync(async () => (await _f.ContactAsync(PsidA, PageA)).GetProperty("asid").GetString() == Asid);
        await _f.InboundAsync(PageB, PsidB);
        await _f.WaitForIdentityWorkerAsync();
        Assert.Equal(JsonValueKind.Null, (await _f.ContactAsync(PsidB, PageB)).GetProperty("asid").ValueKind);
        _f.Graph.LinkAsid(Asid, AppId, PageB, PsidB);

        using var api = _f.App.Api();
        var response = await api.PostAsJsonAsync("/v1/identities/resolve", new { page_id = PageB, asids = new[] { Asid } });

        var answer = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").EnumerateArray());
        Assert.Equal(PsidB, answer.GetProperty("psid").GetString());
        var onB = await _f.ContactAsync(PsidB, PageB);
        Assert.Equal((Asid, AppId), (onB.GetProperty("asid").GetString(), onB.GetProperty("asid_app_id").GetString()));
        Assert.Equal((await _f.ContactAsync(PsidA, PageA)).GetProperty("person_id").GetString(), onB.GetProperty("person_id").GetString());
    }

    [Fact]
    public async Task ApiLink_AsidThatAContactOfAnotherPageCarries_JoinsTheOlderPerson()
    {
        _f.Graph.LinkAsid(Asid, AppId, PageA, PsidA);
        await _f.InboundAsync(PageA, PsidA, ago: TimeSpan.FromHours(1));
        await WaitAsync(async () => (await _f.ContactAsync(PsidA, PageA)).GetProperty("asid").GetString() == Asid);
        await _f.InboundAsync(PageB, PsidB);
        var older = (await _f.ContactAsync(PsidA, PageA)).GetProperty("person_id").GetString();
        var onB = await _f.ContactAsync(PsidB, PageB);
        Assert.NotEqual(older, onB.GetProperty("person_id").GetString());

        using var api = _f.App.Api();
        var response = await api.PostAsJsonAsync($"/v1/contacts/{onB.GetProperty("id").GetString()}/links", new { asid = Asid, app_id = AppId });

        response.EnsureSuccessStatusCode();
        var listed = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(new[] { PsidA, PsidB }.Order(), listed.Select(c => c.GetProperty("scoped_id").GetString()).Order());
        Assert.All(listed, c => Assert.Equal(older, c.GetProperty("person_id").GetString()));
    }

    [Fact]
    public async Task Inbound_SameProfileOnTwoPagesWithoutAsid_StaysTwoPersons()
    {
        const string onA = "5500000000000001";
        const string onB = "5500000000000002";
        _f.Graph.AddUser(PageA, onA, Bea).AddUser(PageB, onB, Bea);

        await _f.InboundAsync(PageA, onA);
        await _f.InboundAsync(PageB, onB);
        await _f.WaitForProfileAsync(onA, PageA);
        await _f.WaitForProfileAsync(onB, PageB);
        await _f.WaitForIdentityWorkerAsync();

        Assert.NotEqual((await _f.ContactAsync(onA, PageA)).GetProperty("person_id").GetString(),
            (await _f.ContactAsync(onB, PageB)).GetProperty("person_id").GetString());
    }

    private async Task<JsonElement> PersonAsync(string personId)
    {
        using var api = _f.App.Api();
        return await api.GetFromJsonAsync<JsonElement>($"/v1/persons/{personId}");
    }
}
