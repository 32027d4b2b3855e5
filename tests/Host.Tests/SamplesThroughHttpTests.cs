using System.Text.Json;
using Normalizer.Testing;

namespace Normalizer.Host.Tests;

/// <summary>Every shared sample, posted signed over HTTP, ends up in /v1/events with the fields the sample dictates.</summary>
public sealed class SamplesThroughHttpTests
{
    // (event, platform, from, from_type, to, to_type, page_id, user_id, timestamp, message/status id) read off the sample files.
    public static TheoryData<string, string[]> Samples => new()
    {
        { "messenger-text-batch.json", [
            "message.received|facebook|7723419865501234|PSID|104523987765432|PAGE_ID|104523987765432|7723419865501234|1763712000|m_Qx7sT1nBv9kLrV0aZcYt2wGdEe3hJkL4mNoPqRsTuVwXyZ0123456789abcdef",
            "message.received|facebook|7723419865501234|PSID|104523987765432|PAGE_ID|104523987765432|7723419865501234|1763712003|m_Rk2pX8yTq4nLmZ1bVcXs3wEfGh5jKl6MnOpQrStUvWxYz9876543210fedcba",
            "postback.received|facebook|6541203398761122|PSID|231198744410002|PAGE_ID|231198744410002|6541203398761122|1763712000|m_Pb1aC2dE3fG4hI5jK6lM7nO8pQ9rS0tU1vW2xY3zA4bC5dE6fG7hI8jK9lM0n",
        ] },
        { "messenger-delivery-read.json", [
            "message.delivered|facebook|7723419865501234|PSID|104523987765432|PAGE_ID|104523987765432|7723419865501234|1763712100|",
            "message.read|facebook|7723419865501234|PSID|104523987765432|PAGE_ID|104523987765432|7723419865501234|1763712105|",
        ] },
        { "instagram-text.json", [
            "message.received|instagram|1123581321345589|IGSID|17841455512345678|IG_ACCOUNT_ID|17841455512345678|1123581321345589|1763712200|aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDU1NTEyMzQ1Njc4OjM0MDI4MjM2Njg0MTcxMDMwMTI0NDI1OTgxNzM1NjQxMjM0NTY3ODkw",
        ] },
        { "whatsapp-text-and-status.json", [
            "message.received|whatsapp|5511987654321|WA_ID|106540352242922|PHONE_NUMBER_ID|106540352242922|5511987654321|1763712300|wamid.HBgNNTUxMTk4NzY1NDMyMRUCABIYFjNFQjBDMjQ1QjlCNkU0QTlGODNBNQA=",
            "message.delivered|whatsapp|106540352242922|PHONE_NUMBER_ID|5511987654321|WA_ID|106540352242922|5511987654321|1763712301|wamid.HBgNNTUxMTk4NzY1NDMyMRUCABEYEjRBN0Y5QzJEMUI4RTA2QjNGMgA=",
        ] },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task PostWebhook_Sample_EventsCarryTheSampleFields(string sample, string[] expected)
    {
        await using var app = new NormalizerApplication();

        await app.PostWebhookAsync(Fixture.Sample(sample));
        var events = await app.WaitForEventsAsync(expected.Length);

        Assert.Equal(expected, events.Select(Describe));
        Assert.All(events, e =>
        {
            Assert.StartsWith("evt_", e.GetProperty("id").GetString());
            Assert.StartsWith("conv_", e.GetProperty("conversation_id").GetString());
            Assert.True(e.GetProperty("signature_verified").GetBoolean());
            Assert.False(e.GetProperty("standby").GetBoolean());
            Assert.Equal(JsonValueKind.Object, e.GetProperty("raw").ValueKind);
        });
    }

    [Fact]
    public async Task GetEvent_ById_ReturnsTheSameEvent()
    {
        await using var app = new NormalizerApplication();
        await app.PostWebhookAsync(Fixture.Sample("instagram-text.json"));
        var listed = Assert.Single(await app.WaitForEventsAsync(1));
        using var api = app.Api();

        var one = await api.GetStringAsync("/v1/events/" + listed.GetProperty("id").GetString());

        Assert.Equal(listed.GetRawText(), JsonDocument.Parse(one).RootElement.GetRawText());
    }

    private static string Describe(JsonElement e)
    {
        string S(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        var item = e.TryGetProperty("message", out var m) ? m.GetProperty("id").GetString()
            : e.TryGetProperty("status", out var s) ? s.GetProperty("message_id").GetString()
            : e.TryGetProperty("postback", out var p) ? p.GetProperty("mid").GetString() : "";
        return string.Join('|', S("event"), S("platform"), S("from"), S("from_type"), S("to"), S("to_type"), S("page_id"), S("user_id"),
            e.GetProperty("timestamp").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), item);
    }
}
