using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Ingest;
using Normalizer.Storage;

namespace Normalizer.Host.Tests.Inbox;

/// <summary>
/// <c>/readyz</c> says when the host is not keeping up (the inbox lag over its limit) or a background loop is failing,
/// and a failing loop goes on: the inbox writer survives a failure of any kind and the next webhook is accepted.
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Readyz_LagOverTheLimit_IsDegraded503_AndReadyOnceTheInboxIsProcessed()
    {
        await using var app = new NormalizerApplication(processInbox: false,
            settings: new Dictionary<string, string?> { ["Normalizer:Health:MaxInboxLag"] = "00:00:00.001" });
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(Normalizer.Testing.Fixture.Sample("instagram-text.json"))).StatusCode);
        await Task.Delay(20); // the row is now older than the 1 ms limit

        using var degraded = await client.GetAsync("/readyz");
        var body = await degraded.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, degraded.StatusCode);
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        Assert.Equal(1, body.GetProperty("inbox_pending").GetInt64());
        Assert.Contains(body.GetProperty("problems").EnumerateArray(), p => p.GetString()!.StartsWith("inbox lag ", StringComparison.Ordinal));

        await app.Services.GetRequiredService<InboxProcessor>().ProcessNextBatchAsync(CancellationToken.None);
        using var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task InboxWriter_FailuresOfAnyKind_Answer503_ShowInReadyz_AndTheNextWebhookIsAccepted()
    {
        await using var app = new NormalizerApplication(processInbox: false);
        await using var host = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            ForwardingStore.Wrap(services, real => new InboxFailsFirst(real))));
        using var client = host.CreateClient();
        var body = Normalizer.Testing.Fixture.Sample("instagram-text.json");

        using var refused = await NormalizerApplication.PostWebhookAsync(client, body);
        var error = await refused.Content.ReadFromJsonAsync<JsonElement>();
        using var failingOnce = await client.GetAsync("/readyz");
        var once = await failingOnce.Content.ReadFromJsonAsync<JsonElement>();
        for (var i = 1; i < InboxFailsFirst.Times; i++)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await NormalizerApplication.PostWebhookAsync(client, body)).StatusCode);
        }

        using var degraded = await client.GetAsync("/readyz");
        var state = await degraded.Content.ReadFromJsonAsync<JsonElement>();
        using var accepted = await NormalizerApplication.PostWebhookAsync(client, body);
        using var ready = await client.GetAsync("/readyz");
        var after = await ready.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("store_unavailable", error.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, failingOnce.StatusCode); // one failure is a busy moment, not an outage
        Assert.Equal("failing", Loop(once, "inbox_writer").GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, degraded.StatusCode);
        Assert.Equal("degraded", state.GetProperty("status").GetString());
        var writer = Loop(state, "inbox_writer");
        Assert.Equal("failing", writer.GetProperty("state").GetString());
        Assert.Equal(nameof(NotSupportedException), writer.GetProperty("last_error").GetString());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("idle", Loop(after, "inbox_writer").GetProperty("state").GetString());
        Assert.Equal(InboxFailsFirst.Times, Loop(after, "inbox_writer").GetProperty("failures").GetInt64());
        Assert.Equal(1, after.GetProperty("inbox_pending").GetInt64());
    }

    private static JsonElement Loop(JsonElement readyz, string name) =>
        readyz.GetProperty("loops").EnumerateArray().Single(l => l.GetProperty("name").GetString() == name);

    // The store, except that the inbox writer's first connections fail with an exception that is not a DbException.
    private sealed class InboxFailsFirst(IStoreConnectionFactory real) : ForwardingStore(real)
    {
        public const int Times = 3;

        private int _failed;

        public override ValueTask<DbConnection> OpenInboxAsync(CancellationToken cancellationToken) =>
            new System.Diagnostics.StackTrace().ToString().Contains("InboxWriter", StringComparison.Ordinal) && Interlocked.Increment(ref _failed) <= Times
                ? throw new NotSupportedException("the inbox is not there")
                : Real.OpenInboxAsync(cancellationToken);
    }
}
