using System.Net;
using static Normalizer.Testing.Tests.FakeGraph.TestGraph;

namespace Normalizer.Testing.Tests.FakeGraph;

public sealed class FakeGraphApiWhatsAppTests
{
    [Fact]
    public async Task PostMessages_WhatsAppTo_ReturnsContactsAndWamid()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.PostJsonAsync($"{WaNumberId}/messages", WhatsAppText("+34600000000"), WaToken, AppSecret, bearer: true);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("whatsapp", reply.Get("messaging_product"));
        var contact = Assert.Single(reply.Json.GetProperty("contacts").EnumerateArray());
        Assert.Equal("+34600000000", contact.GetProperty("input").GetString());
        Assert.Equal(WaId, contact.GetProperty("wa_id").GetString());
        Assert.StartsWith("wamid.", Assert.Single(reply.Json.GetProperty("messages").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task PostMessages_WhatsAppBsuidRecipient_ReturnsUserId()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);
        var body = $$$"""{"messaging_product":"whatsapp","recipient":"{{{Bsuid}}}","type":"text","text":{"body":"Hola"}}""";

        var reply = await http.PostJsonAsync($"{WaNumberId}/messages", body, WaToken, AppSecret, bearer: true);

        var contact = Assert.Single(reply.Json.GetProperty("contacts").EnumerateArray());
        Assert.Equal(Bsuid, contact.GetProperty("user_id").GetString());
        Assert.False(contact.TryGetProperty("wa_id", out _));
    }

    [Fact]
    public async Task PostMessages_WhatsAppMarkRead_ReturnsSuccess()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);
        var body = """{"messaging_product":"whatsapp","status":"read","message_id":"wamid.HBgL","typing_indicator":{"type":"text"}}""";

        var reply = await http.PostJsonAsync($"{WaNumberId}/messages", body, WaToken, AppSecret, bearer: true);

        Assert.True(reply.Json.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task PostMessages_WhatsAppWrongToken_Returns401With190()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.PostJsonAsync($"{WaNumberId}/messages", WhatsAppText(WaId), "expired", AppSecret, bearer: true);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal(190, reply.Code);
    }

    [Fact]
    public async Task PostMessages_WhatsAppMissingTypeObject_Returns131008WithErrorData()
    {
        await using var sut = await StartAsync();
        using var http = new GraphHttp(sut);

        var reply = await http.PostJsonAsync(
            $"{WaNumberId}/messages", """{"messaging_product":"whatsapp","to":"34600000000","type":"image"}""", WaToken, AppSecret, bearer: true);

        Assert.Equal(131008, reply.Code);
        var data = reply.Error.GetProperty("error_data");
        Assert.Equal("whatsapp", data.GetProperty("messaging_product").GetString());
        Assert.Equal("Parameter 'image' is required", data.GetProperty("details").GetString());
    }
}
