using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using Normalizer.Host.Cli;
using Normalizer.Testing;

namespace Normalizer.Host.Tests.Cli;

public sealed class ReplayCommandTests
{
    private static (int Code, string Out) Run(NormalizerApplication app, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var command = ReplayCommand.Create(output, error, () => app.Server.CreateHandler());
        var code = new RootCommand { command }.Parse(["replay", "--url", "http://localhost", "--api-key", NormalizerApplication.ApiKey, .. args]).Invoke();
        return (code, output.ToString());
    }

    [Fact]
    public async Task Replay_RangeOfTheLog_QueuesThoseEventsAgain()
    {
        await using var app = new NormalizerApplication();
        using var api = app.Api();
        var created = await (await api.PostAsJsonAsync("/v1/subscriptions", new { url = "http://127.0.0.1:9/hooks" })).Content.ReadFromJsonAsync<JsonElement>();
        await app.PostWebhookAsync(Fixture.Sample("messenger-text-batch.json"));
        await app.WaitForEventsAsync(3);

        var (code, output) = Run(app, "--subscription", created.GetProperty("id").GetString()!, "--from", "2", "--to", "3");

        Assert.Equal(0, code);
        Assert.Equal(2, JsonDocument.Parse(output).RootElement.GetProperty("queued").GetInt32());
    }

    [Fact]
    public async Task Replay_UnknownSubscription_Exits2()
    {
        await using var app = new NormalizerApplication();

        var (code, output) = Run(app, "--subscription", "sub_missing");

        Assert.Equal(2, code);
        Assert.Contains("not_found", output);
    }
}
