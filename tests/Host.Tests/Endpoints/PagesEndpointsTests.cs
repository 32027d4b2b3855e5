using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Credentials;
using Normalizer.Events;
using Normalizer.Storage;
using Normalizer.Testing;

namespace Normalizer.Host.Tests.Endpoints;

public sealed class PagesEndpointsTests
{
    private const string ConfigToken = "EAAconfig-page-token-a1b2c3d4e5f6";
    private const string ApiToken = "EAAapi-page-token-z9y8x7w6v5u4WXYZ";
    private const string PagesAppSecret = "pages-app-secret-4242abcd";

    private static Dictionary<string, string?> Config() => new()
    {
        ["Normalizer:Pages:0:Id"] = "104523987765432",
        ["Normalizer:Pages:0:Platform"] = "facebook",
        ["Normalizer:Pages:0:AccessToken"] = ConfigToken,
        ["Normalizer:Pages:0:AppId"] = "555000111",
        ["Normalizer:Pages:1:Id"] = "17841400000000",
        ["Normalizer:Pages:1:Platform"] = "instagram",
        ["Normalizer:Pages:1:AccessToken"] = ConfigToken + "-ig",
        ["Normalizer:Pages:1:LinkedPageId"] = "104523987765432",
        ["Normalizer:Apps:0:Id"] = "555000111",
        ["Normalizer:Apps:0:Secret"] = PagesAppSecret,
        ["Normalizer:Apps:0:AccessToken"] = "555000111|" + PagesAppSecret,
    };

    [Fact]
    public async Task FindPageAsync_ConfiguredPageAndApp_ResolvesWithAppSecret()
    {
        await using var app = new NormalizerApplication(settings: Config());
        var sut = app.Services.GetRequiredService<ICredentialStore>();

        var page = await sut.FindPageAsync("104523987765432", default);
        var instagram = await sut.FindPageAsync("17841400000000", default);
        var appCredentials = await sut.FindAppAsync("555000111", default);

        Assert.NotNull(page);
        Assert.Equal(Platform.Facebook, page.Platform);
        Assert.Equal(ConfigToken, page.AccessToken);
        Assert.Equal("555000111", page.AppId);
        Assert.Equal(PagesAppSecret, page.AppSecret);
        Assert.Equal("104523987765432", instagram!.LinkedPageId);
        Assert.Null(instagram.AppSecret);
        Assert.Equal(PagesAppSecret, appCredentials!.Secret);
        Assert.Null(await sut.FindPageAsync("999", default));
        Assert.Equal(["17841400000000"], (await sut.ListPagesAsync(Platform.Instagram, default)).Select(p => p.PageId));
    }

    [Fact]
    [Trait("Store", "sqlite")] // the key ring in keys/ beside the database file
    public async Task PutToken_OverConfiguredPage_WinsAndSurvivesRestartOnSameDatabase()
    {
        var directory = Path.Combine(Path.GetTempPath(), "normalizer-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = new NormalizerApplication(directory, Config()))
            {
                using var api = first.Api();
                var response = await api.PutAsync("/v1/pages/104523987765432/token",
                    NormalizerApplication.Json($$"""{ "platform": "facebook", "access_token": "{{ApiToken}}", "app_id": "555000111" }"""));

                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal("104523987765432", body.GetProperty("id").GetString());
                Assert.Equal("facebook", body.GetProperty("platform").GetString());
                Assert.Equal("555000111", body.GetProperty("app_id").GetString());
                Assert.True(body.GetProperty("token_set").GetBoolean());
                Assert.Equal("…WXYZ", body.GetProperty("token_hint").GetString());
                Assert.Equal("api", body.GetProperty("source").GetString());
                Assert.True(body.TryGetProperty("updated_at", out _));
                Assert.Equal(ApiToken, (await first.Services.GetRequiredService<ICredentialStore>().FindPageAsync("104523987765432", default))!.AccessToken);
            }

            await using var second = new NormalizerApplication(directory, Config());
            var page = await second.Services.GetRequiredService<ICredentialStore>().FindPageAsync("104523987765432", default);

            Assert.Equal(ApiToken, page!.AccessToken);
            Assert.Equal(PagesAppSecret, page.AppSecret);
            Assert.True(Directory.EnumerateFiles(Path.Combine(directory, "keys"), "*.xml").Any());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task PutToken_Again_Returns200AndNewTokenIsUsed()
    {
        await using var app = new NormalizerApplication(settings: Config());
        using var api = app.Api();
        var sut = app.Services.GetRequiredService<ICredentialStore>();
        await api.PutAsync("/v1/pages/333/token", NormalizerApplication.Json($$"""{ "platform": "whatsapp", "access_token": "{{ApiToken}}" }"""));
        Assert.Equal(ApiToken, (await sut.FindPageAsync("333", default))!.AccessToken);

        var again = await api.PutAsync("/v1/pages/333/token", NormalizerApplication.Json("""{ "platform": "whatsapp", "access_token": "EAAsecond-token-000000001234" }"""));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("EAAsecond-token-000000001234", (await sut.FindPageAsync("333", default))!.AccessToken);
    }

    [Fact]
    public async Task PutToken_StoredRow_IsEncrypted()
    {
        await using var app = new NormalizerApplication(settings: Config());
        using var api = app.Api();

        await api.PutAsync("/v1/pages/333/token", NormalizerApplication.Json($$"""{ "platform": "whatsapp", "access_token": "{{ApiToken}}" }"""));

        await using var connection = await app.Services.GetRequiredService<IStoreConnectionFactory>().OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM page_tokens";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var row = string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i).ToString()));
        Assert.Contains("333", row, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiToken, row, StringComparison.Ordinal);
        Assert.DoesNotContain("page-token", row, StringComparison.Ordinal);
        Assert.True(reader.GetString(reader.GetOrdinal("token")).Length > ApiToken.Length);
    }

    [Fact]
    public async Task GetPages_ConfiguredAndStored_ListsSourcesWithoutTokens()
    {
        await using var app = new NormalizerApplication(settings: Config());
        using var api = app.Api();
        await api.PutAsync("/v1/pages/17841400000000/token",
            NormalizerApplication.Json($$"""{ "platform": "instagram", "access_token": "{{ApiToken}}", "linked_page_id": "104523987765432" }"""));

        var response = await api.GetAsync("/v1/pages");
        var text = await response.Content.ReadAsStringAsync();
        var instagramOnly = await api.GetFromJsonAsync<JsonElement>("/v1/pages?platform=instagram");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(ApiToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ConfigToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(PagesAppSecret, text, StringComparison.Ordinal);
        var pages = JsonDocument.Parse(text).RootElement.GetProperty("data").EnumerateArray()
            .ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("source").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["104523987765432"] = "config", ["17841400000000"] = "api" }, pages);
        Assert.Single(instagramOnly.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task DeleteToken_ApiToken_ConfigurationAppliesAgain()
    {
        await using var app = new NormalizerApplication(settings: Config());
        using var api = app.Api();
        await api.PutAsync("/v1/pages/104523987765432/token", NormalizerApplication.Json($$"""{ "platform": "facebook", "access_token": "{{ApiToken}}" }"""));

        var deleted = await api.DeleteAsync("/v1/pages/104523987765432/token");
        var again = await api.DeleteAsync("/v1/pages/104523987765432/token");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("not_found", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        var page = await app.Services.GetRequiredService<ICredentialStore>().FindPageAsync("104523987765432", default);
        Assert.Equal(ConfigToken, page!.AccessToken);
    }

    [Theory]
    [InlineData("{ not json", "invalid_json")]
    [InlineData("[1]", "invalid_body")]
    [InlineData("""{ "access_token": "EAAapi-page-token-z9y8x7w6v5u4WXYZ" }""", "invalid_platform")]
    [InlineData("""{ "platform": "EAAapi-page-token-z9y8x7w6v5u4WXYZ", "access_token": "x" }""", "invalid_platform")]
    [InlineData("""{ "platform": "facebook" }""", "invalid_token")]
    [InlineData("""{ "platform": "facebook", "access_token": "" }""", "invalid_token")]
    [InlineData("""{ "platform": "facebook", "access_token": 12 }""", "invalid_token")]
    [InlineData("""{ "platform": "facebook", "access_token": "EAAapi page-token-z9y8x7w6v5u4WXYZ" }""", "invalid_token")]
    [InlineData("""{ "platform": "facebook", "access_token": "EAAapi-page-token-z9y8x7w6v5u4WXYZ", "app_id": "a b" }""", "invalid_app_id")]
    [InlineData("""{ "platform": "facebook", "access_token": "EAAapi-page-token-z9y8x7w6v5u4WXYZ", "linked_page_id": "1" }""", "invalid_linked_page_id")]
    public async Task PutToken_BadInput_Returns400WithoutEchoingToken(string json, string code)
    {
        await using var app = new NormalizerApplication();
        using var api = app.Api();

        var response = await api.PutAsync("/v1/pages/333/token", NormalizerApplication.Json(json));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, JsonDocument.Parse(text).RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.DoesNotContain("page-token", text, StringComparison.Ordinal);
        Assert.Null(await app.Services.GetRequiredService<ICredentialStore>().FindPageAsync("333", default));
    }

    [Fact]
    public async Task PutToken_BadPageId_Returns400()
    {
        await using var app = new NormalizerApplication();
        using var api = app.Api();

        var response = await api.PutAsync("/v1/pages/a.b/token", NormalizerApplication.Json($$"""{ "platform": "facebook", "access_token": "{{ApiToken}}" }"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_id", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Logs_AfterPagesCalls_NeverContainTokensOrSecrets()
    {
        await using var app = new NormalizerApplication(settings: Config());
        using var api = app.Api();
        var store = app.Services.GetRequiredService<ICredentialStore>();

        await api.PutAsync("/v1/pages/104523987765432/token", NormalizerApplication.Json($$"""{ "platform": "facebook", "access_token": "{{ApiToken}}", "app_id": "555000111" }"""));
        await api.PutAsync("/v1/pages/104523987765432/token", NormalizerApplication.Json($$"""{ "platform": "nope", "access_token": "{{ApiToken}}" }"""));
        await api.GetAsync("/v1/pages");
        await store.FindPageAsync("104523987765432", default);
        await store.ListPagesAsync(null, default);
        await api.DeleteAsync("/v1/pages/104523987765432/token");

        Assert.Contains(app.Logs.Lines(), l => l.Contains("104523987765432", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines(), l => l.Contains(ApiToken, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines(), l => l.Contains(ConfigToken, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines(), l => l.Contains(PagesAppSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_PageWithoutToken_FailsNamingTheKeyNotTheValue()
    {
        var settings = Config();
        settings["Normalizer:Pages:1:AccessToken"] = "";
        settings["Normalizer:Apps:1:Id"] = "";
        settings["Normalizer:Apps:1:Secret"] = PagesAppSecret + "-second";
        await using var app = new NormalizerApplication(settings: settings);

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var message = error.ToString();
        Assert.Contains("Normalizer:Pages:1:AccessToken is empty", message, StringComparison.Ordinal);
        Assert.Contains("Normalizer:Apps:1:Id is empty", message, StringComparison.Ordinal);
        Assert.DoesNotContain(PagesAppSecret, message, StringComparison.Ordinal);
        Assert.DoesNotContain(ConfigToken, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/v1/pages")]
    [InlineData("PUT", "/v1/pages/333/token")]
    [InlineData("DELETE", "/v1/pages/333/token")]
    [InlineData("GET", "/v1/templates")]
    [InlineData("GET", "/v1/templates/order_shipped")]
    [InlineData("PUT", "/v1/templates/order_shipped")]
    [InlineData("DELETE", "/v1/templates/order_shipped")]
    public async Task Call_WithoutApiKey_Returns401(string method, string path)
    {
        await using var app = new NormalizerApplication();
        using var anonymous = app.CreateClient();

        var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "PUT" ? NormalizerApplication.Json($$"""{ "platform": "facebook", "access_token": "{{ApiToken}}", "variants": { "default": "x" } }""") : null,
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await app.Services.GetRequiredService<ICredentialStore>().FindPageAsync("333", default));
    }
}
