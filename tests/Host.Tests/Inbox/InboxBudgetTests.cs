using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Ingest;

namespace Normalizer.Host.Tests.Inbox;

/// <summary>
/// No inbox row may hold up the rows behind it, and a row is quarantined once however many of its events fail: the
/// budgets of InboxOptions (events per row, time per row, attempts) and the one-record-per-row quarantine.
/// </summary>
public sealed class InboxBudgetTests
{
    [Fact]
    public async Task FiftyThousandEntries_AreOneRowOfWorkAndTheNextWebhookStillBecomesItsEvent()
    {
        await using var app = new NormalizerApplication(processInbox: false);
        // 50,000 entries {"id":"1","time":1}: each an unknown item with an impossible time, the body just under 1 MiB.
        var body = Encoding.UTF8.GetBytes("{\"object\":\"page\",\"entry\":[" +
            string.Join(",", Enumerable.Repeat("{\"id\":\"1\",\"time\":1}", 50_000)) + "]}");
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(InboxMessages.Message("m_after", "after"))).StatusCode);

        await DrainAsync(app);

        var quarantined = await QuarantineAsync(app);
        var record = Assert.Single(quarantined);
        Assert.Contains("MaxEventsPerRow", record.GetProperty("reason").GetString());
        Assert.Equal(body.Length, Encoding.UTF8.GetByteCount(record.GetProperty("body").GetString()!));
        var evt = Assert.Single(await app.WaitForEventsAsync(1));
        Assert.Equal("m_after", evt.GetProperty("message").GetProperty("id").GetString());
    }

    [Fact]
    public async Task FiftyThousandEntriesUnderABudgetThatAllowsThem_BecomeOneUnknownEventAtTheReceiveTime()
    {
        await using var app = new NormalizerApplication(processInbox: false,
            settings: new Dictionary<string, string?> { ["Normalizer:Inbox:MaxEventsPerRow"] = "50000" });
        var body = Encoding.UTF8.GetBytes("{\"object\":\"page\",\"entry\":[" +
            string.Join(",", Enumerable.Repeat("{\"id\":\"1\",\"time\":1}", 50_000)) + "]}");
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(body)).StatusCode);

        await DrainAsync(app);

        Assert.Empty(await QuarantineAsync(app));
        var evt = Assert.Single(await app.WaitForEventsAsync(1));
        Assert.Equal("unknown.received", evt.GetProperty("event").GetString());
        Assert.Equal("received_at", evt.GetProperty("timestamp_source").GetString());
        Assert.True(evt.GetProperty("timestamp").GetInt64() > 1_700_000_000);
    }

    [Fact]
    public async Task RejectedEvents_AreOneQuarantineRecordForTheRow_TheOtherEventsAreStored()
    {
        await using var app = new NormalizerApplication(processInbox: false);
        await using var host = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddTransient<IPipelineBehavior<ProcessEvent, ProcessEventResult>, RejectBad>()));
        var body = InboxMessages.Batch(("m_1", "bad"), ("m_2", "good"), ("m_3", "bad"), ("m_4", "bad"));
        using (var client = host.CreateClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await NormalizerApplication.PostWebhookAsync(client, body)).StatusCode);
        }

        Assert.Equal(1, await host.Services.GetRequiredService<InboxProcessor>().ProcessNextBatchAsync(CancellationToken.None));

        using var api = Api(host.CreateClient());
        var record = Assert.Single((await api.GetFromJsonAsync<JsonElement>("/v1/quarantine")).GetProperty("data").EnumerateArray());
        var reason = record.GetProperty("reason").GetString()!;
        Assert.StartsWith("3 of 4 events rejected: the text is bad (3 events, first evt_", reason);
        Assert.StartsWith("evt_", record.GetProperty("event_id").GetString());
        Assert.Equal(Encoding.UTF8.GetString(body), record.GetProperty("body").GetString());
        var stored = (await api.GetFromJsonAsync<JsonElement>("/v1/events")).GetProperty("data").EnumerateArray()
            .Select(e => e.GetProperty("message").GetProperty("id").GetString()).ToList();
        Assert.Equal(["m_2"], stored);
    }

    [Fact]
    public async Task RowOverItsTimeBudget_IsQuarantinedWithoutItsEvents_AndTheNextRowGoesOn()
    {
        await using var app = new NormalizerApplication(processInbox: false,
            settings: new Dictionary<string, string?> { ["Normalizer:Inbox:RowTimeBudget"] = "00:00:00.001" });
        // 2,000 events take far more than a millisecond to store; one event takes less.
        var big = InboxMessages.Batch(Enumerable.Range(0, 2_000).Select(i => ($"m_big_{i}", "text")).ToArray());
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(big)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(InboxMessages.Message("m_small", "small"))).StatusCode);

        await DrainAsync(app);

        var record = Assert.Single(await QuarantineAsync(app));
        Assert.Contains("Normalizer:Inbox:RowTimeBudget", record.GetProperty("reason").GetString());
        var evt = Assert.Single(await app.WaitForEventsAsync(1));
        Assert.Equal("m_small", evt.GetProperty("message").GetProperty("id").GetString());
    }

    [Fact]
    public async Task RowThatKeepsStoppingTheProcessor_IsSetAsideAfterMaxAttempts_AcrossARestart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "normalizer-tests", Guid.NewGuid().ToString("N"));
        try
        {
            // The first process: three webhooks, the middle one stops the processor (as a crash would: nothing of the
            // batch is committed, nothing quarantined).
            await using (var first = new NormalizerApplication(directory, processInbox: false))
            {
                await using var host = first.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
                    s.AddTransient<IPipelineBehavior<ProcessEvent, ProcessEventResult>, StopOnCrash>()));
                using var client = host.CreateClient();
                foreach (var (mid, text) in new[] { ("m_a", "a"), ("m_x", "crash"), ("m_b", "b") })
                {
                    Assert.Equal(HttpStatusCode.OK, (await NormalizerApplication.PostWebhookAsync(client, InboxMessages.Message(mid, text))).StatusCode);
                }

                await Assert.ThrowsAsync<ProcessStopped>(() =>
                    host.Services.GetRequiredService<InboxProcessor>().ProcessNextBatchAsync(CancellationToken.None));
            }

            // The next process on the same files: rows begun before are taken one at a time, the failing one counted.
            await using var second = new NormalizerApplication(directory, processInbox: false);
            await using var again = second.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
                s.AddTransient<IPipelineBehavior<ProcessEvent, ProcessEventResult>, StopOnCrash>()));
            var processor = again.Services.GetRequiredService<InboxProcessor>();
            Assert.Equal(1, await processor.ProcessNextBatchAsync(CancellationToken.None)); // m_a
            await Assert.ThrowsAsync<ProcessStopped>(() => processor.ProcessNextBatchAsync(CancellationToken.None));
            await Assert.ThrowsAsync<ProcessStopped>(() => processor.ProcessNextBatchAsync(CancellationToken.None));
            Assert.Equal(1, await processor.ProcessNextBatchAsync(CancellationToken.None)); // m_x set aside after 3 attempts
            Assert.Equal(1, await processor.ProcessNextBatchAsync(CancellationToken.None)); // m_b
            Assert.Equal(0, await processor.ProcessNextBatchAsync(CancellationToken.None));

            using var api = Api(again.CreateClient());
            var stored = (await api.GetFromJsonAsync<JsonElement>("/v1/events")).GetProperty("data").EnumerateArray()
                .Select(e => e.GetProperty("message").GetProperty("id").GetString()).ToList();
            Assert.Equal(["m_a", "m_b"], stored);
            var record = Assert.Single((await api.GetFromJsonAsync<JsonElement>("/v1/quarantine")).GetProperty("data").EnumerateArray());
            Assert.Contains("begun 3 times and never finished", record.GetProperty("reason").GetString());
            Assert.Contains("m_x", record.GetProperty("body").GetString());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task DrainAsync(NormalizerApplication app)
    {
        var processor = app.Services.GetRequiredService<InboxProcessor>();
        while (await processor.ProcessNextBatchAsync(CancellationToken.None) > 0)
        {
        }
    }

    private static async Task<List<JsonElement>> QuarantineAsync(NormalizerApplication app)
    {
        using var api = app.Api();
        return (await api.GetFromJsonAsync<JsonElement>("/v1/quarantine")).GetProperty("data").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static HttpClient Api(HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", NormalizerApplication.ApiKey);
        return client;
    }

    private sealed class RejectBad : IPipelineBehavior<ProcessEvent, ProcessEventResult>
    {
        public Task<ProcessEventResult> Handle(ProcessEvent request, CancellationToken cancellationToken, RequestHandlerDelegate<ProcessEventResult> next) =>
            request.Event.Message?.Body == "bad" ? Task.FromResult(ProcessEventResult.Rejected(["the text is bad"])) : next();
    }

    // Stands for the process stopping mid-batch: not a fault of the row the processor could quarantine on the spot.
    private sealed class ProcessStopped : OperationCanceledException;

    private sealed class StopOnCrash : IPipelineBehavior<ProcessEvent, ProcessEventResult>
    {
        public Task<ProcessEventResult> Handle(ProcessEvent request, CancellationToken cancellationToken, RequestHandlerDelegate<ProcessEventResult> next) =>
            request.Event.Message?.Body == "crash" ? throw new ProcessStopped() : next();
    }
}
