using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Normalizer.Host.Tests.Send;
using Normalizer.Testing;

namespace Normalizer.Host.Tests.Identity;

/// <summary><c>GET /v1/persons/{id}</c>: one person's contacts on Messenger, Instagram and WhatsApp, linked through the API.</summary>
public sealed class PersonsApiTests : IAsyncLifetime
{
    private const string PageId = "104523987765432";
    private const string Psid = "7723419865501234";
    // instagram-text.json: the IG account and the customer's IGSID.
    private const string IgAccountId = "17841455512345678";
    private const string Igsid = "1123581321345589";
    private const string NumberId = "106540352242922";
    private const string WaId = "34600000000";

    private readonly NormalizerApplication _app = new();

    public async Task InitializeAsync()
    {
        await _app.PostWebhookAsync(SendBodies.MessengerText(PageId, Psid, "m_person_1", DateTimeOffset.UtcNow));
        await _app.PostWebhookAsync(Fixture.Sample("instagram-text.json"));
        await _app.PostWebhookAsync(SendBodies.WhatsAppText(NumberId, WaId, "wamid.person_1", DateTimeOffset.UtcNow));
        await _app.WaitForEventsAsync(3);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Get_PersonLinkedAcrossThreeChannels_ListsEveryContactAsTheContactsApiGivesIt()
    {
        using var api = _app.Api();
        var messenger = await ContactAsync(api, Psid, PageId);
        var instagram = await ContactAsync(api, Igsid, IgAccountId);
        var whatsapp = await ContactAsync(api, WaId, NumberId);
        var personId = messenger.GetProperty("person_id").GetString()!;
        Assert.NotEqual(personId, instagram.GetProperty("person_id").GetString());
        foreach (var other in new[] { instagram, whatsapp })
        {
            (await api.PostAsJsonAsync($"/v1/contacts/{Id(messenger)}/links", new { contact_id = Id(other) })).EnsureSuccessStatusCode();
        }

        var response = await api.GetAsync($"/v1/persons/{personId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var person = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(personId, person.GetProperty("id").GetString());
        var contacts = person.GetProperty("contacts").EnumerateArray().ToList();
        Assert.Equal(["facebook", "instagram", "whatsapp"], contacts.Select(c => c.GetProperty("platform").GetString()).Order());
        foreach (var contact in contacts)
        {
            Assert.Equal(personId, contact.GetProperty("person_id").GetString());
            var alone = await api.GetFromJsonAsync<JsonElement>($"/v1/contacts/{Id(contact)}");
            Assert.True(JsonElement.DeepEquals(alone, contact), $"contact {Id(contact)} differs from GET /v1/contacts/{{id}}");
        }
    }

    [Fact]
    public async Task Get_NoContactHasThatPerson_Is404WithTheJsonErrorBody()
    {
        using var api = _app.Api();

        var response = await api.GetAsync("/v1/persons/0193a7c2-5d1e-7b40-9f3a-1c2d3e4f5a6c");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("not_found", error.GetProperty("code").GetString());
        Assert.Contains("0193a7c2-5d1e-7b40-9f3a-1c2d3e4f5a6c", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithoutOrWithWrongKey_Is401()
    {
        using var api = _app.Api();
        var personId = (await ContactAsync(api, Psid, PageId)).GetProperty("person_id").GetString();
        using var anonymous = _app.CreateClient();
        using var wrong = _app.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new("Bearer", "not-the-key");

        var none = await anonymous.GetAsync($"/v1/persons/{personId}");
        var bad = await wrong.GetAsync($"/v1/persons/{personId}");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.DoesNotContain(Psid, await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_ListsThePersonsEndpointUnderIdentity()
    {
        using var client = _app.CreateClient();

        var openapi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var get = openapi.GetProperty("paths").GetProperty("/v1/persons/{id}").GetProperty("get");
        Assert.Equal(["Identity"], get.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.False(string.IsNullOrEmpty(get.GetProperty("summary").GetString()));
    }

    private static string Id(JsonElement contact) => contact.GetProperty("id").GetString()!;

    private static async Task<JsonElement> ContactAsync(HttpClient api, string scopedId, string scopeId)
    {
        var page = await api.GetFromJsonAsync<JsonElement>($"/v1/contacts?scoped_id={scopedId}&scope_id={scopeId}");
        return page.GetProperty("data").EnumerateArray().Single();
    }
}
