using System.Globalization;
using System.Text;
using static Normalizer.Host.Tests.Send.SendFixture;

namespace Normalizer.Host.Tests.Send;

/// <summary>
/// A WhatsApp customer who stopped marketing messages (user_preferences "stop", Meta's user_preferences webhook reference):
/// a marketing template to them is refused as opted_out without calling Meta, anything else still goes, and a resume lifts it.
/// </summary>
public sealed class SendMarketingOptOutTests : IAsyncLifetime
{
    private SendFixture _f = null!;

    public async Task InitializeAsync() => _f = await SendFixture.StartAsync();

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Send_MarketingTemplateAfterStop_IsOptedOutWithoutCallingMeta_UtilityAndRepliesStillGo()
    {
        await _f.InboundWhatsAppAsync(WaId);
        await PreferenceAsync("stop");

        var (marketing, refused) = await _f.SendAsync(WhatsApp(Template("marketing")));
        var (utility, _) = await _f.SendAsync(WhatsApp(Template("utility")));
        var (reply, _) = await _f.SendAsync(WhatsApp(new { type = "text", body = "hola" }));

        Assert.Equal((422, 200, 200), (marketing, utility, reply));
        Assert.Equal("opted_out", refused.GetProperty("error").GetProperty("kind").GetString());
        Assert.Empty(refused.GetProperty("attempts").EnumerateArray());
        Assert.Equal(2, _f.Graph.SendsTo(Number).Count);
        var contact = await _f.ContactAsync(WaId, Number);
        Assert.Equal((true, true), (contact.GetProperty("marketing_opt_out").GetBoolean(), contact.GetProperty("is_active").GetBoolean()));
    }

    [Fact]
    public async Task Send_MarketingTemplateAfterStopThenResume_GoesOut()
    {
        await _f.InboundWhatsAppAsync(WaId);
        await PreferenceAsync("stop");
        await PreferenceAsync("resume");

        var (status, _) = await _f.SendAsync(WhatsApp(Template("marketing")));

        Assert.Equal(200, status);
        Assert.Single(_f.Graph.SendsTo(Number));
        Assert.False((await _f.ContactAsync(WaId, Number)).GetProperty("marketing_opt_out").GetBoolean());
    }

    // The body of Meta's user_preferences webhook reference, for this fixture's number and customer, now by the host's clock.
    private async Task PreferenceAsync(string value)
    {
        var at = _f.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = Encoding.UTF8.GetBytes(
            $$$"""{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"user_preferences","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"{{{Number}}}"},"contacts":[{"wa_id":"{{{WaId}}}"}],"user_preferences":[{"wa_id":"{{{WaId}}}","detail":"User requested to {{{value}}} marketing messages","category":"marketing_messages","value":"{{{value}}}","timestamp":{{{at}}}}]}}]}]}""");
        var before = (await _f.App.WaitForEventsAsync(0)).Count;
        await _f.App.PostWebhookAsync(body);
        await _f.App.WaitForEventsAsync(before + 1);
        _f.Time.Advance(TimeSpan.FromSeconds(1));
    }

    private static object Template(string category) => new
    {
        type = "whatsapp_template", category, whatsapp_template = new { name = "spring_sale", language = new { code = "es" } },
    };

    private static object WhatsApp(object message) => new { platform = "whatsapp", page_id = Number, to = WaId, message };
}
