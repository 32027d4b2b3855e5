using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Normalizer.Host.Endpoints;
using Normalizer.Host.Tests.Send;
using Normalizer.Testing.FakeGraph;
using static Normalizer.Host.Tests.Send.SendFixture;

namespace Normalizer.Host.Tests.Identity;

/// <summary><c>POST /v1/identities/resolve</c> against the fake Graph API: chunks, per-ID answers, the ids_for_pages fallback.</summary>
public sealed class ResolveApiTests : IAsyncLifetime
{
    private const string OtherAppId = "2000000000000002";

    private SendFixture _f = null!;

    public async Task InitializeAsync() => _f = await SendFixture.StartAsync();

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static string AsidAt(int i) => string.Create(CultureInfo.InvariantCulture, $"10154673{i:D8}");

    private static string PsidAt(int i) => string.Create(CultureInfo.InvariantCulture, $"77234198{i:D8}");

    private List<string> LinkedAsids(int count)
    {
        var asids = Enumerable.Range(0, count).Select(AsidAt).ToList();
        for (var i = 0; i < count; i++)
        {
            _f.Graph.LinkAsid(asids[i], AppId, PageA, PsidAt(i));
        }

        return asids;
    }

    private async Task<(int Status, JsonElement Body, string Text)> ResolveAsync(object request)
    {
        using var api = _f.App.Api();
        var response = await api.PostAsJsonAsync("/v1/identities/resolve", request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    private static (string? Psid, string? Error) Found(string psid) => (psid, null);

    private static (string? Psid, string? Error) Answer(string error) => (null, error);

    private static IReadOnlyList<string> UserIds(FakeGraphCall call) => call.BodyJson().GetProperty("user_ids").GetString()!.Split(',');

    private static bool IgnoresInvalid(FakeGraphCall call) => call.BodyJson().GetProperty("ignore_invalid_ids").GetBoolean();

    private static Dictionary<string, (string? Psid, string? Error)> ByAsid(JsonElement body) =>
        body.GetProperty("data").EnumerateArray().ToDictionary(
            d => d.GetProperty("asid").GetString()!, d => (d.GetProperty("psid").GetString(), d.GetProperty("error").GetString()));

    [Fact]
    public async Task Resolve_450Asids_ThreePagesIdMappingCallsOf200WithThePagesTokenAndProof()
    {
        var asids = LinkedAsids(450);

        var (status, body, _) = await ResolveAsync(new { page_id = PageA, asids });

        Assert.Equal(200, status);
        var calls = _f.Graph.CallsOf(FakeGraphCallKind.PagesIdMapping);
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c =>
        {
            Assert.Equal(("POST", "/v25.0/pages_id_mapping"), (c.Method, c.Path));
            Assert.True(c.UsedToken(TokenA));
            Assert.True(c.ProofValid);
            Assert.True(IgnoresInvalid(c));
        });
        // The calls run side by side, in any order; each carries one slice of the list, in the order asked.
        var chunks = calls.Select(UserIds).OrderBy(ids => asids.IndexOf(ids[0])).ToList();
        Assert.Equal<IReadOnlyList<string>>([asids[..200], asids[200..400], asids[400..]], chunks);
        Assert.Empty(_f.Graph.CallsOf(FakeGraphCallKind.IdsForPages));
        var data = body.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(asids, data.Select(d => d.GetProperty("asid").GetString()));
        Assert.Equal(Enumerable.Range(0, 450).Select(PsidAt), data.Select(d => d.GetProperty("psid").GetString()));
        Assert.All(data, d => Assert.Equal(JsonValueKind.Null, d.GetProperty("error").ValueKind));
    }

    [Fact]
    public async Task Resolve_InvalidAsidsAmongValid_AnswersInvalidIdForThoseOnly()
    {
        _f.Graph.AddApp(OtherAppId, "other-app-secret-4kd9");
        var asids = LinkedAsids(450);
        const string unknown = "10154673899999991", ofOtherApp = "10154673899999992", ofOtherPage = "10154673899999993";
        _f.Graph.LinkAsid(ofOtherApp, OtherAppId, PageA, "7723419899999992").LinkAsid(ofOtherPage, AppId, PageB, "6541203399999993");
        asids[5] = unknown;
        asids[150] = ofOtherApp;
        asids[250] = ofOtherPage;

        var (status, body, _) = await ResolveAsync(new { page_id = PageA, asids });

        Assert.Equal(200, status);
        var answers = ByAsid(body);
        Assert.Equal(450, answers.Count);
        foreach (var invalid in new[] { unknown, ofOtherApp, ofOtherPage })
        {
            Assert.Equal(Answer("invalid_id"), answers[invalid]);
        }

        Assert.All(Enumerable.Range(0, 450).Where(i => i is not (5 or 150 or 250)), i => Assert.Equal(Found(PsidAt(i)), answers[asids[i]]));
        var calls = _f.Graph.CallsOf(FakeGraphCallKind.PagesIdMapping);
        Assert.Equal(3, calls.Count(IgnoresInvalid));
        // Meta drops invalid IDs silently and lists only PSIDs: a slice that lost some is asked once more without
        // ignore_invalid_ids, whose error names the invalid ones; the last slice lost none and is asked once.
        var probes = calls.Where(c => !IgnoresInvalid(c)).Select(UserIds).OrderBy(ids => asids.IndexOf(ids[0])).ToList();
        Assert.Equal<IReadOnlyList<string>>([asids[..200], asids[200..400]], probes);
        Assert.All(calls, c => Assert.True(c.UsedToken(TokenA) && c.ProofValid));
    }

    [Fact]
    public async Task Resolve_OneCallRateLimited_ReportsThatErrorForItsAsidsOnly()
    {
        var asids = LinkedAsids(450);
        _f.Graph.Script(FakeGraphCallKind.PagesIdMapping, PageA).Succeed().FailWith(FakeGraphError.RateLimited);

        var (status, body, _) = await ResolveAsync(new { page_id = PageA, asids });

        Assert.Equal(200, status);
        var failed = Assert.Single(_f.Graph.CallsOf(FakeGraphCallKind.PagesIdMapping), c => !c.Succeeded);
        Assert.Equal(613, failed.ErrorCode);
        var refused = UserIds(failed).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(refused.Count, new[] { 200, 50 });
        var answers = ByAsid(body);
        Assert.All(Enumerable.Range(0, 450), i => Assert.Equal(
            refused.Contains(asids[i]) ? Answer("rate_limited") : Found(PsidAt(i)), answers[asids[i]]));
    }

    [Fact]
    public async Task Resolve_MappingApiRefusedToTheApp_AsksThatCallsAsidsThroughIdsForPages()
    {
        var asids = LinkedAsids(250);
        asids[3] = "10154673899999991";   // nobody's ASID
        _f.Graph.Script(FakeGraphCallKind.PagesIdMapping, PageA)
            .FailWith(3, message: "(#3) Application does not have the capability to make this API call.");

        var (status, body, _) = await ResolveAsync(new { page_id = PageA, asids });

        Assert.Equal(200, status);
        var refused = UserIds(Assert.Single(_f.Graph.CallsOf(FakeGraphCallKind.PagesIdMapping), c => c.ErrorCode == 3));
        var lookups = _f.Graph.CallsOf(FakeGraphCallKind.IdsForPages);
        Assert.Equal(refused.Order(StringComparer.Ordinal), lookups.Select(c => c.Subject!).Order(StringComparer.Ordinal));
        Assert.All(lookups, c =>
        {
            Assert.True(c.UsedToken($"{AppId}|{AppSecret}"));
            Assert.True(c.ProofValid);
            Assert.Equal(PageA, c.Query["page"]);
        });
        var answers = ByAsid(body);
        Assert.Equal(Answer("invalid_id"), answers[asids[3]]);
        Assert.All(Enumerable.Range(0, 250).Where(i => i != 3), i => Assert.Equal(Found(PsidAt(i)), answers[asids[i]]));
    }

    [Fact]
    public async Task Resolve_IdsAbove2Pow53_AnsweredDigitForDigit()
    {
        // 2^53 + 1 and 2^54 + 3: a double would round both.
        _f.Graph.LinkAsid("9007199254740993", AppId, PageA, "18014398509481987");

        var (status, body, text) = await ResolveAsync(new { page_id = PageA, asids = new[] { "9007199254740993" } });

        Assert.Equal(200, status);
        Assert.Equal(Found("18014398509481987"), ByAsid(body)["9007199254740993"]);
        Assert.Contains("\"asid\":\"9007199254740993\",\"psid\":\"18014398509481987\"", text, StringComparison.Ordinal);
        Assert.Equal("9007199254740993", UserIds(Assert.Single(_f.Graph.CallsOf(FakeGraphCallKind.PagesIdMapping))).Single());
    }

    [Fact]
    public async Task Resolve_RepeatedAndMalformedAsids_AskedOnceAnsweredAtEachPlace()
    {
        var asids = LinkedAsids(2);

        var (status, body, _) = await ResolveAsync(new { page_id = PageA, asids = new[] { asids[0], "1,2", asids[1], asids[0] } });

        Assert.Equal(200, status);
        Assert.Equal([asids[0], asids[1]], UserIds(Assert.Single(_f.Graph.CallsOf(FakeGraphCallKind.PagesIdMapping))));
        Assert.Equal<(string?, string?, string?)>(
            [(asids[0], PsidAt(0), null), ("1,2", null, "invalid_id"), (asids[1], PsidAt(1), null), (asids[0], PsidAt(0), null)],
            body.GetProperty("data").EnumerateArray().Select(d =>
                (d.GetProperty("asid").GetString(), d.GetProperty("psid").GetString(), d.GetProperty("error").GetString())));
    }

    [Fact]
    public async Task Resolve_MoreThan10000Asids_Is400WithoutCallingMeta()
    {
        var asids = Enumerable.Range(0, 10_001).Select(AsidAt).ToArray();

        var (status, body, _) = await ResolveAsync(new { page_id = PageA, asids });

        Assert.Equal(400, status);
        Assert.Equal("invalid_request", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("10000", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(_f.Graph.Calls);
    }

    [Fact]
    public async Task Resolve_BodyOver1MiB_Is413WithJsonError()
    {
        using var api = _f.App.Api();
        var padding = new string(' ', IdentitiesEndpoints.MaxBodyBytes);

        var response = await api.PostAsync("/v1/identities/resolve", NormalizerApplication.Json($$"""{"page_id":"{{PageA}}",{{padding}}"asids":["1"]}"""));

        Assert.Equal(413, (int)response.StatusCode);
        Assert.Equal("body_too_large", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(_f.Graph.Calls);
    }

    [Theory]
    [InlineData("""{"page_id":"104523987765432","asids":[10154673853349851]}""", "invalid_json")]
    [InlineData("""{"page_id":"104523987765432","asids":[]}""", "invalid_request")]
    [InlineData("""{"page_id":"104523987765432","asids":[null]}""", "invalid_request")]
    [InlineData("""{"asids":["10154673853349851"]}""", "invalid_request")]
    [InlineData("""not json""", "invalid_json")]
    public async Task Resolve_BadBody_Is400WithJsonError(string json, string code)
    {
        using var api = _f.App.Api();

        var response = await api.PostAsync("/v1/identities/resolve", NormalizerApplication.Json(json));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(_f.Graph.Calls);
    }

    [Fact]
    public async Task Resolve_WhatsAppNumber_Is422NoIdMatching()
    {
        var (status, body, _) = await ResolveAsync(new { page_id = Number, asids = new[] { "10154673853349851" } });

        Assert.Equal(422, status);
        Assert.Equal("no_id_matching", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(_f.Graph.Calls);
    }
}
