using System.Text.Json;
using static Normalizer.Host.Tests.Send.SendFixture;

namespace Normalizer.Host.Tests.Send;

/// <summary>Send results over HTTP list every member PRODUCT.md §6 names, null where there is no value.</summary>
public sealed class SendResultShapeTests : IAsyncLifetime
{
    private static readonly string[] ResultMembers = ["status", "platform", "page_id", "to", "message_id", "fallback", "attempts", "error"];
    private static readonly string[] AttemptMembers = ["platform", "page_id", "to", "outcome"];
    private static readonly string[] ErrorMembers = ["kind", "code", "subcode", "message", "fbtrace_id"];

    private SendFixture _f = null!;

    public async Task InitializeAsync() => _f = await SendFixture.StartAsync();

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static object Text(string to, string pageId) =>
        new { platform = "facebook", page_id = pageId, to, message = new { type = "text", body = "Your order shipped" } };

    private static void AssertMembers(JsonElement value, string[] members) =>
        Assert.All(members, m => Assert.True(value.TryGetProperty(m, out _), $"'{m}' is missing from {value}"));

    [Fact]
    public async Task Send_Sent_ListsEveryMemberWithFallbackAndErrorNull()
    {
        await _f.InboundAsync(PageA, PsidA);

        var (status, result) = await _f.SendAsync(Text(PsidA, PageA));

        Assert.Equal(200, status);
        AssertMembers(result, ResultMembers);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("fallback").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("error").ValueKind);
        Assert.Equal(Assert.Single(_f.Graph.SendsTo(PageA)).ResponseJson().GetProperty("message_id").GetString(),
            result.GetProperty("message_id").GetString());
        AssertMembers(Assert.Single(result.GetProperty("attempts").EnumerateArray()), AttemptMembers);
    }

    [Fact]
    public async Task Send_RefusedBeforeMeta_ListsEveryMemberWithMessageIdAndMetaIdentifiersNull()
    {
        await _f.InboundAsync(PageA, PsidA, ago: TimeSpan.FromDays(2));

        var (status, result) = await _f.SendAsync(Text(PsidA, PageA));

        Assert.Equal(422, status);
        AssertMembers(result, ResultMembers);
        Assert.Equal(("failed", "facebook", PageA, PsidA), (result.GetProperty("status").GetString(), result.GetProperty("platform").GetString(),
            result.GetProperty("page_id").GetString(), result.GetProperty("to").GetString()));
        Assert.Equal(JsonValueKind.Null, result.GetProperty("message_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("fallback").ValueKind);
        var error = result.GetProperty("error");
        AssertMembers(error, ErrorMembers);
        Assert.Equal("window_closed", error.GetProperty("kind").GetString());
        Assert.All(new[] { "code", "subcode", "fbtrace_id" }, m => Assert.Equal(JsonValueKind.Null, error.GetProperty(m).ValueKind));
        Assert.Empty(_f.Graph.Sends);
    }
}
