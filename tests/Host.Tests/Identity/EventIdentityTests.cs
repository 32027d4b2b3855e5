using System.Net.Http.Json;
using System.Text.Json;
using Normalizer.Host.Tests.Send;
using Normalizer.Testing;
using Normalizer.Testing.Subscriber;

namespace Normalizer.Host.Tests.Identity;

/// <summary>
/// Stored events name the customer's contact and person (contact_id, person_id): in <c>/v1/events</c>, <c>/v1/events/{id}</c>,
/// the SSE stream and subscription deliveries; the person as of reading, so a merge shows in earlier events too.
/// </summary>
public sealed class EventIdentityTests : IAsyncLifetime
{
    private const string PageId = "104523987765432";
    private const string Psid = "7723419865501234";
    private const string NumberId = "106540352242922";
    private const string WaId = "34600000000";

    private readonly NormalizerApplication _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ListAndGet_EventsOfTwoLinkedContacts_CarryEachContactAndTheSurvivingPerson()
    {
        await _app.PostWebhookAsync(SendBodies.MessengerText(PageId, Psid, "m_ident_1", DateTimeOffset.UtcNow));
        await _app.PostWebhookAsync(SendBodies.WhatsAppText(NumberId, WaId, "wamid.ident_1", DateTimeOffset.UtcNow));
        await _app.WaitForEventsAsync(2);
        using var api = _app.Api();
        var messenger = await ContactAsync(api, Psid, PageId);
        var whatsapp = await ContactAsync(api, WaId, NumberId);
        var before = await _app.WaitForEventsAsync(2);
        Assert.Equal(whatsapp.GetProperty("person_id").GetString(), Of(before, WaId).GetProperty("person_id").GetString());

        (await api.PostAsJsonAsync($"/v1/contacts/{Id(messenger)}/links", new { contact_id = Id(whatsapp) })).EnsureSuccessStatusCode();
        var events = await _app.WaitForEventsAsync(2);

        var person = messenger.GetProperty("person_id").GetString();
        Assert.NotEqual(person, whatsapp.GetProperty("person_id").GetString());
        foreach (var (userId, contact) in new[] { (Psid, messenger), (WaId, whatsapp) })
        {
            var evt = Of(events, userId);
            Assert.Equal(Id(contact), evt.GetProperty("contact_id").GetString());
            Assert.Equal(person, evt.GetProperty("person_id").GetString());
            var one = await api.GetFromJsonAsync<JsonElement>($"/v1/events/{evt.GetProperty("id").GetString()}");
            Assert.Equal((Id(contact), person), (one.GetProperty("contact_id").GetString(), one.GetProperty("person_id").GetString()));
            Assert.Empty(SchemaFiles.Errors(EventSchema.FileName, one.GetRawText()));
        }
    }

    [Fact]
    public async Task List_AccountUpdateWithoutCustomer_HasNeitherContactNorPerson()
    {
        await _app.PostWebhookAsync(Fixture.Load("whatsapp", "account-changes"));

        var events = await _app.WaitForEventsAsync(1, "event=account.updated");

        Assert.All(events, e =>
        {
            Assert.False(e.TryGetProperty("contact_id", out _));
            Assert.False(e.TryGetProperty("person_id", out _));
        });
    }

    [Fact]
    public async Task Stream_StoredEvent_CarriesContactAndPerson()
    {
        await _app.PostWebhookAsync(SendBodies.MessengerText(PageId, Psid, "m_ident_sse", DateTimeOffset.UtcNow));
        await _app.WaitForEventsAsync(1);
        using var api = _app.Api();
        var contact = await ContactAsync(api, Psid, PageId);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/events/stream?after=0");
        using var response = await api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        string? data = null;
        while (data is null && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            data = line.StartsWith("data: ", StringComparison.Ordinal) ? line["data: ".Length..] : null;
        }

        var evt = JsonDocument.Parse(data!).RootElement;
        Assert.Equal(Id(contact), evt.GetProperty("contact_id").GetString());
        Assert.Equal(contact.GetProperty("person_id").GetString(), evt.GetProperty("person_id").GetString());
    }

    [Fact]
    public async Task Deliver_StoredEvent_BodyIsTheEventAsReadWithContactAndPerson()
    {
        await using var subscriber = await TestSubscriber.StartAsync();
        await _app.SubscribeAsync($$"""{"url":"{{subscriber.Url}}"}""");

        await _app.PostWebhookAsync(SendBodies.MessengerText(PageId, Psid, "m_ident_delivery", DateTimeOffset.UtcNow));
        var delivered = Assert.Single(await subscriber.WaitForRequestsAsync(1));

        using var api = _app.Api();
        var contact = await ContactAsync(api, Psid, PageId);
        var body = JsonDocument.Parse(delivered.Body).RootElement;
        Assert.Equal(Id(contact), body.GetProperty("contact_id").GetString());
        Assert.Equal(contact.GetProperty("person_id").GetString(), body.GetProperty("person_id").GetString());
        // The same text as the event read through the API: the members in the same places.
        Assert.Equal(await api.GetStringAsync($"/v1/events/{delivered.WebhookId}"), delivered.BodyText);
    }

    private static JsonElement Of(IEnumerable<JsonElement> events, string userId) =>
        events.Single(e => e.GetProperty("user_id").GetString() == userId);

    private static string Id(JsonElement contact) => contact.GetProperty("id").GetString()!;

    private static async Task<JsonElement> ContactAsync(HttpClient api, string scopedId, string scopeId)
    {
        var page = await api.GetFromJsonAsync<JsonElement>($"/v1/contacts?scoped_id={scopedId}&scope_id={scopeId}");
        return page.GetProperty("data").EnumerateArray().Single();
    }
}
