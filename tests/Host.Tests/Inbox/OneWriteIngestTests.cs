using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Ingest;
using Normalizer.Storage;

namespace Normalizer.Host.Tests.Inbox;

/// <summary>
/// A webhook's body and its events are stored in one transaction before the 200; what the writer cannot store at once
/// (a row over its budget, and everything after it while rows wait) is committed as pending rows and stored by the
/// processor in arrival order.
/// </summary>
public sealed class OneWriteIngestTests
{
    [Fact]
    public async Task Accepted_EventsAreStoredBeforeThe200_TheRowMarkedProcessed_NoProcessorRun()
    {
        await using var app = new NormalizerApplication(processInbox: false);
        app.Services.GetRequiredService<InboxWriteGate>().Backlog = false; // as once the processor found the inbox empty

        var response = await app.PostWebhookAsync(InboxMessages.Batch(("m_1", "one"), ("m_2", "two")));
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var api = app.Api();
        var events = (await api.GetFromJsonAsync<JsonElement>("/v1/events")).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["m_1", "m_2"], events.Select(e => e.GetProperty("message").GetProperty("id").GetString()));
        var inboxId = answer.GetProperty("inbox_id").GetInt64();
        Assert.Equal((1L, 0L), await InboxAsync(app, inboxId));
    }

    [Fact]
    public async Task RowOverItsBudget_IsAcknowledged_LeftPendingWithEverythingAfterIt_ThenQuarantinedAndTheRestStoredInOrder()
    {
        await using var app = new NormalizerApplication(processInbox: false,
            settings: new Dictionary<string, string?> { ["Normalizer:Inbox:MaxEventsPerRow"] = "2" });
        var gate = app.Services.GetRequiredService<InboxWriteGate>();
        gate.Backlog = false;

        var big = await app.PostWebhookAsync(InboxMessages.Batch(("m_a", "a"), ("m_b", "b"), ("m_c", "c")));
        var after = await app.PostWebhookAsync(InboxMessages.Message("m_after", "after"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], [big.StatusCode, after.StatusCode]);
        Assert.True(gate.Backlog);
        Assert.Empty(await app.WaitForEventsAsync(0));
        var processor = app.Services.GetRequiredService<InboxProcessor>();
        while (await processor.ProcessNextBatchAsync(CancellationToken.None) > 0)
        {
        }

        Assert.False(gate.Backlog); // the inbox is empty: the writer stores events itself again
        var evt = Assert.Single(await app.WaitForEventsAsync(1));
        Assert.Equal("m_after", evt.GetProperty("message").GetProperty("id").GetString());
        using var api = app.Api();
        var quarantined = (await api.GetFromJsonAsync<JsonElement>("/v1/quarantine")).GetProperty("data").EnumerateArray().ToList();
        Assert.Contains("MaxEventsPerRow", Assert.Single(quarantined).GetProperty("reason").GetString());
        var next = await app.PostWebhookAsync(InboxMessages.Message("m_next", "next"));
        Assert.Equal((1L, 0L), await InboxAsync(app, (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("inbox_id").GetInt64()));
    }

    [Fact]
    public async Task AtStart_RowsMayWait_UntilTheProcessorFindsTheInboxEmpty()
    {
        await using var app = new NormalizerApplication();
        var gate = app.Services.GetRequiredService<InboxWriteGate>();
        for (var deadline = DateTime.UtcNow.AddSeconds(20); gate.Backlog && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(20);
        }

        var response = await app.PostWebhookAsync(InboxMessages.Message("m_now", "now"));
        using var api = app.Api();
        var events = (await api.GetFromJsonAsync<JsonElement>("/v1/events")).GetProperty("data").EnumerateArray().ToList();

        Assert.False(gate.Backlog);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("m_now", Assert.Single(events).GetProperty("message").GetProperty("id").GetString());
    }

    // (processed, attempts) of an inbox row.
    private static async Task<(long Processed, long Attempts)> InboxAsync(NormalizerApplication app, long id)
    {
        await using var store = new SqliteConnection($"Data Source={Path.Combine(app.Directory, "normalizer.db")}");
        await store.OpenAsync();
        await using var command = store.CreateCommand();
        command.CommandText = "SELECT processed_at IS NOT NULL, attempts FROM inbox WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
