using System.Net.Http.Json;
using System.Text.Json;
using static Normalizer.Host.Tests.Send.SendFixture;

namespace Normalizer.Host.Tests.Send;

public sealed class SendTemplateTests
{
    [Fact]
    public async Task Send_NamedTemplate_RendersWithTheFetchedProfileLocaleAndData()
    {
        await using var f = await SendFixture.StartAsync();
        using var api = f.App.Api();
        (await api.PutAsJsonAsync("/v1/templates/order_shipped", new
        {
            variants = new Dictionary<string, string>
            {
                ["default"] = "Hi {{first_name}}, order {{order.id}} shipped",
                ["pt_BR"] = "Olá {{first_name}}, pedido {{order.id}} enviado",
            },
        })).EnsureSuccessStatusCode();
        await f.InboundAsync(PageA, PsidA);
        await WaitForProfileAsync(f, PsidA, PageA);

        var (status, _) = await f.SendAsync(new
        {
            platform = "facebook", page_id = PageA, to = PsidA,
            message = new { type = "text", template = "order_shipped" },
            data = new { order = new { id = "A-1001" } },
        });

        Assert.Equal(200, status);
        Assert.Equal("Olá Ana, pedido A-1001 enviado", Assert.Single(f.Graph.SendsTo(PageA)).BodyJson().GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Send_UnknownTemplate_Is422BadRequest()
    {
        await using var f = await SendFixture.StartAsync();
        await f.InboundAsync(PageA, PsidA);

        var (status, result) = await f.SendAsync(new { platform = "facebook", page_id = PageA, to = PsidA, message = new { type = "text", template = "nope" } });

        Assert.Equal(422, status);
        Assert.Contains("no template named 'nope'", result.GetProperty("error").GetProperty("message").GetString());
        Assert.Empty(f.Graph.Sends);
    }

    [Fact]
    public async Task Inbound_WhatsAppCustomer_ProfileNameComesFromTheWebhook()
    {
        await using var f = await SendFixture.StartAsync();

        await f.InboundWhatsAppAsync(WaId);
        var contact = await WaitForProfileAsync(f, WaId, Number);

        Assert.Equal("Ana", contact.GetProperty("profile").GetProperty("name").GetString());
    }

    private static async Task<JsonElement> WaitForProfileAsync(SendFixture f, string scopedId, string scopeId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var contact = await f.ContactAsync(scopedId, scopeId);
            // The member is always there: null until the profile is cached.
            if (contact.TryGetProperty("profile", out var profile) && profile.ValueKind == JsonValueKind.Object)
            {
                return contact;
            }

            Assert.True(DateTime.UtcNow < deadline, "the profile was not cached in time");
            await Task.Delay(50);
        }
    }
}
