using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Identity;
using Normalizer.Templates;

namespace Normalizer.Host.Tests.Endpoints;

public sealed class TemplatesEndpointsTests : IAsyncLifetime
{
    private readonly NormalizerApplication _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PutGetListDelete_Template_RoundTrips()
    {
        using var api = _app.Api();

        var created = await api.PutAsync("/v1/templates/order_shipped", NormalizerApplication.Json(
            """{ "variants": { "default": "Hi {{first_name}}, order {{order_id}} shipped", "pt-br": "Olá {{first_name}}, pedido {{order_id}} enviado", "en_US": "Hello" } }"""));
        var replaced = await api.PutAsync("/v1/templates/order_shipped", NormalizerApplication.Json(
            """{ "variants": { "default": "Hi {{first_name}}", "pt_BR": "Olá {{first_name}}" } }"""));
        var one = await api.GetFromJsonAsync<JsonElement>("/v1/templates/order_shipped");
        var all = await api.GetFromJsonAsync<JsonElement>("/v1/templates");
        var deleted = await api.DeleteAsync("/v1/templates/order_shipped");
        var gone = await api.GetAsync("/v1/templates/order_shipped");
        var deletedAgain = await api.DeleteAsync("/v1/templates/order_shipped");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Olá {{first_name}}, pedido {{order_id}} enviado",
            (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("variants").GetProperty("pt_BR").GetString());
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("order_shipped", one.GetProperty("name").GetString());
        Assert.Equal(["default", "pt_BR"], one.GetProperty("variants").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.True(one.TryGetProperty("updated_at", out _));
        Assert.Equal(["order_shipped"], all.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("not_found", (await gone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
    }

    [Theory]
    [InlineData("pt_BR", "Olá Ana, pedido A-17 <b>enviado</b> & pago")]
    [InlineData("pt_PT", "Olá Ana, pedido A-17 <b>enviado</b> & pago")]
    [InlineData("en_US", "Hello Ana, order A-17 shipped")]
    [InlineData("fr_FR", "Hi Ana, order A-17 shipped")]
    public async Task RenderAsync_AfterPut_LocaleFallbackWithProfileAndNestedData(string locale, string expected)
    {
        using var api = _app.Api();
        await api.PutAsync("/v1/templates/order_shipped", NormalizerApplication.Json(
            """
            { "variants": {
                "default": "Hi {{first_name}}, order {{order.id}} shipped",
                "en_US": "Hello {{first_name}}, order {{order.id}} shipped",
                "pt_BR": "Olá {{first_name}}, pedido {{order.id}} <b>enviado</b> & {{order.state}}" } }
            """));
        var sut = _app.Services.GetRequiredService<ITemplateRenderer>();
        using var data = JsonDocument.Parse("""{ "order": { "id": "A-17", "state": "pago" } }""");

        var text = await sut.RenderAsync("order_shipped", locale, new UserProfile { FirstName = "Ana" }, data.RootElement, default);

        Assert.Equal(expected, text);
    }

    [Fact]
    public async Task RenderAsync_AfterReplace_UsesNewVariants()
    {
        using var api = _app.Api();
        var sut = _app.Services.GetRequiredService<ITemplateRenderer>();
        await api.PutAsync("/v1/templates/greeting", NormalizerApplication.Json("""{ "variants": { "default": "old {{x}}" } }"""));
        Assert.Equal("old ", await sut.RenderAsync("greeting", null, null, null, default));

        await api.PutAsync("/v1/templates/greeting", NormalizerApplication.Json("""{ "variants": { "default": "new" } }"""));
        var afterReplace = await sut.RenderAsync("greeting", null, null, null, default);
        await api.DeleteAsync("/v1/templates/greeting");
        var afterDelete = await sut.RenderAsync("greeting", null, null, null, default);

        Assert.Equal("new", afterReplace);
        Assert.Null(afterDelete);
    }

    [Theory]
    [InlineData("""{ "variants": { "default": "{{#if paid}}never closed" } }""", "invalid_template")]
    [InlineData("""{ "variants": { "default": "Hi {{first_name" } }""", "invalid_template")]
    [InlineData("""{ "variants": { "pt_BR": "Olá" } }""", "invalid_template")]
    [InlineData("""{ "variants": { "default": "x", "english": "y" } }""", "invalid_template")]
    [InlineData("""{ "variants": { "default": "x", "pt_BR": "y", "pt-br": "z" } }""", "invalid_template")]
    [InlineData("""{ "variants": { "default": 1 } }""", "invalid_template")]
    [InlineData("""{ "variants": { "default": "" } }""", "invalid_template")]
    [InlineData("""{ "variants": {} }""", "invalid_template")]
    [InlineData("""{ "default": "x" }""", "invalid_template")]
    [InlineData("""{ "variants": """, "invalid_json")]
    public async Task PutTemplate_BadBody_Returns400AndStoresNothing(string json, string code)
    {
        using var api = _app.Api();

        var response = await api.PutAsync("/v1/templates/order_shipped", NormalizerApplication.Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/v1/templates/order_shipped")).StatusCode);
    }

    [Theory]
    [InlineData("Order_Shipped")]
    [InlineData("order-shipped")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task PutTemplate_BadName_Returns400(string name)
    {
        using var api = _app.Api();

        var response = await api.PutAsync($"/v1/templates/{name}", NormalizerApplication.Json("""{ "variants": { "default": "x" } }"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_name", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
    }
}
