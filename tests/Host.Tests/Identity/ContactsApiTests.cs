using System.Net.Http.Json;
using System.Text.Json;
using Normalizer.Host.Tests.Send;

namespace Normalizer.Host.Tests.Identity;

/// <summary>The contacts API over HTTP: every member PRODUCT.md names, ASIDs with their app, IDs above 2^53.</summary>
public sealed class ContactsApiTests : IAsyncLifetime
{
    private const string PageId = "104523987765432";
    private const string AppId = "1000000000000001";

    private readonly NormalizerApplication _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    // A customer writes once; no Page token is configured, so no profile or ASID is looked up for it.
    private async Task<JsonElement> ContactOfAsync(string psid)
    {
        await _app.PostWebhookAsync(SendBodies.MessengerText(PageId, psid, "m_" + psid, DateTimeOffset.UtcNow));
        await _app.WaitForEventsAsync(1);
        using var api = _app.Api();
        var page = await api.GetFromJsonAsync<JsonElement>($"/v1/contacts?scoped_id={psid}&scope_id={PageId}");
        return page.GetProperty("data").EnumerateArray().Single();
    }

    [Fact]
    public async Task GetContact_NoAsidNorProfile_ListsEveryMemberWithNullWhereEmpty()
    {
        var contact = await ContactOfAsync("7723419865501234");

        // PRODUCT.md §7: { id, person_id, platform, scoped_id, id_type, scope_id, asid, is_active, first_seen, last_seen, profile }
        string[] named = ["id", "person_id", "platform", "scoped_id", "id_type", "scope_id", "asid", "is_active", "first_seen", "last_seen", "profile"];
        Assert.All(named, m => Assert.True(contact.TryGetProperty(m, out _), $"'{m}' is missing"));
        Assert.Equal(JsonValueKind.Null, contact.GetProperty("asid").ValueKind);
        Assert.Equal(JsonValueKind.Null, contact.GetProperty("asid_app_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, contact.GetProperty("profile").ValueKind);
        Assert.Equal(("facebook", "7723419865501234", "PSID", PageId), (contact.GetProperty("platform").GetString(),
            contact.GetProperty("scoped_id").GetString(), contact.GetProperty("id_type").GetString(), contact.GetProperty("scope_id").GetString()));
        Assert.True(contact.GetProperty("is_active").GetBoolean());
    }

    [Fact]
    public async Task Link_AsidWithItsApp_StoredTogetherDigitForDigitAbove2Pow53()
    {
        // PSID 2^63 + 7 and ASID 2^53 + 1: neither survives a double.
        var contact = await ContactOfAsync("9223372036854775815");
        var id = contact.GetProperty("id").GetString();
        using var api = _app.Api();

        var linked = await api.PostAsJsonAsync($"/v1/contacts/{id}/links", new { asid = "9007199254740993", app_id = AppId });
        var text = await api.GetStringAsync($"/v1/contacts/{id}");

        Assert.Equal(200, (int)linked.StatusCode);
        var stored = JsonDocument.Parse(text).RootElement;
        Assert.Equal(("9223372036854775815", "9007199254740993", AppId),
            (stored.GetProperty("scoped_id").GetString(), stored.GetProperty("asid").GetString(), stored.GetProperty("asid_app_id").GetString()));
        Assert.Contains("\"scoped_id\":\"9223372036854775815\"", text, StringComparison.Ordinal);
        Assert.Contains("\"asid\":\"9007199254740993\",\"asid_app_id\":\"1000000000000001\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_AsidWithoutApp_Is400AndStoresNothing()
    {
        var contact = await ContactOfAsync("7723419865501234");
        var id = contact.GetProperty("id").GetString();
        using var api = _app.Api();

        var response = await api.PostAsJsonAsync($"/v1/contacts/{id}/links", new { asid = "10154673853349851" });

        Assert.Equal(400, (int)response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("invalid_request", error.GetProperty("code").GetString());
        Assert.Contains("app_id", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var stored = await api.GetFromJsonAsync<JsonElement>($"/v1/contacts/{id}");
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("asid").ValueKind);
    }
}
