using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Normalizer.Testing;

namespace Normalizer.Host.Tests;

public sealed class IngestTests
{
    [Fact]
    public async Task PostWebhook_SameBodyFiveTimesConcurrently_YieldsOneSetOfEvents()
    {
        await using var app = new NormalizerApplication();
        var body = Fixture.Sample("messenger-text-batch.json");

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.PostWebhookAsync(body)));
        await app.WaitForDrainAsync();

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var events = await app.WaitForEventsAsync(0);
        Assert.Equal(3, events.Count);
        Assert.Equal(3, events.Select(e => e.GetProperty("id").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task PostWebhook_OtherBodyRepeatingSeenMid_YieldsNoSecondEvent()
    {
        await using var app = new NormalizerApplication();
        var first = """{"object":"page","entry":[{"id":"104523987765432","time":1763712000123,"messaging":[{"sender":{"id":"7723419865501234"},"recipient":{"id":"104523987765432"},"timestamp":1763712000101,"message":{"mid":"m_same","text":"Hi"}}]}]}"""u8.ToArray();
        // Meta's redelivery: another entry time, the same item plus a new one.
        var second = """{"object":"page","entry":[{"id":"104523987765432","time":1763712099999,"messaging":[{"sender":{"id":"7723419865501234"},"recipient":{"id":"104523987765432"},"timestamp":1763712000101,"message":{"mid":"m_same","text":"Hi"}},{"sender":{"id":"7723419865501234"},"recipient":{"id":"104523987765432"},"timestamp":1763712001000,"message":{"mid":"m_new","text":"Hello?"}}]}]}"""u8.ToArray();

        await app.PostWebhookAsync(first);
        await app.PostWebhookAsync(second);
        await app.WaitForDrainAsync();

        var events = await app.WaitForEventsAsync(0);
        Assert.Equal(["m_same", "m_new"], events.Select(e => e.GetProperty("message").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Inbox_AcceptedThenHostDisposedBeforeProcessing_NewHostOnSameFileProcessesIt()
    {
        var directory = Path.Combine(Path.GetTempPath(), "normalizer-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = new NormalizerApplication(directory, processInbox: false))
            {
                var response = await first.PostWebhookAsync(Fixture.Sample("whatsapp-text-and-status.json"));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                using var client = first.CreateClient();
                var ready = await client.GetFromJsonAsync<JsonElement>("/readyz");
                Assert.Equal(1, ready.GetProperty("inbox_pending").GetInt64());
                Assert.Empty(await first.WaitForEventsAsync(0));
            }

            await using var second = new NormalizerApplication(directory);
            var events = await second.WaitForEventsAsync(2);

            Assert.Equal(["message.received", "message.delivered"], events.Select(e => e.GetProperty("event").GetString()));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    [Trait("Store", "sqlite")] // the inbox's own file
    public async Task PostWebhook_Accepted_IsInTheInboxFileBesideTheDatabase_WhichTheProcessorNeverWrites()
    {
        await using var app = new NormalizerApplication();

        await app.PostWebhookAsync(Fixture.Sample("instagram-text.json"));
        await app.WaitForEventsAsync(1);
        await app.WaitForDrainAsync();

        // The row is in the inbox's file as the writer appended it; that it is processed is recorded beside its events.
        Assert.Equal((1L, 0L), Scalars(Path.Combine(app.Directory, "normalizer-inbox.db"), "SELECT COUNT(*), COUNT(processed_at) FROM inbox"));
        Assert.Equal((1L, 1L), Scalars(Path.Combine(app.Directory, "normalizer.db"), "SELECT COUNT(*), MAX(processed_through) FROM inbox_progress"));
    }

    private static (long, long) Scalars(string file, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    [Fact]
    public async Task PostWebhook_UnsignedWithSignaturesDisabled_EventsSayNotVerified()
    {
        await using var app = new NormalizerApplication(settings: new Dictionary<string, string?> { ["Normalizer:Meta:RequireSignature"] = "false" });

        var response = await app.PostWebhookAsync(Fixture.Sample("instagram-text.json"), signature: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var evt = Assert.Single(await app.WaitForEventsAsync(1));
        Assert.False(evt.GetProperty("signature_verified").GetBoolean());
    }

    [Fact]
    public async Task Host_Logs_NeverContainConfiguredSecrets()
    {
        await using var app = new NormalizerApplication(settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        });
        await app.PostWebhookAsync(Fixture.Sample("messenger-text-batch.json"));
        await app.PostWebhookAsync(Fixture.Sample("messenger-text-batch.json"), signature: "sha256=bad");
        using var api = app.Api();
        await api.GetAsync("/v1/events");
        using var anonymous = app.CreateClient();
        await anonymous.GetAsync("/v1/events");
        await anonymous.GetAsync("/webhooks/meta?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1");
        await anonymous.GetAsync($"/webhooks/meta?hub.mode=subscribe&hub.verify_token={NormalizerApplication.VerifyToken}&hub.challenge=1");
        await app.WaitForEventsAsync(3);

        var logs = string.Join("\n", app.Logs.Lines());

        Assert.Contains("listening", logs, StringComparison.OrdinalIgnoreCase);
        foreach (var secret in new[] { NormalizerApplication.AppSecret, NormalizerApplication.SecondAppSecret, NormalizerApplication.VerifyToken, NormalizerApplication.ApiKey })
        {
            Assert.DoesNotContain(secret, logs);
        }
    }
}
