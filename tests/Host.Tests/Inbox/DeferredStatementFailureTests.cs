using System.Data.Common;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Ingest;
using Normalizer.Storage;

namespace Normalizer.Host.Tests.Inbox;

/// <summary>
/// A statement the session kept for later (an upsert, sent with others at commit where the store defers them) that fails
/// makes its row a fault like any other: the batch is done again with savepoints, where each row's kept statements are
/// sent before its mark is released, and only that row goes to quarantine.
/// </summary>
public sealed class DeferredStatementFailureTests
{
    private const string Poison = "7723419865500002";

    [Fact]
    public async Task KeptStatementOfOneRowFails_ThatRowIsQuarantined_AndTheOthersStored()
    {
        await using var app = new NormalizerApplication(processInbox: false);
        await using var host = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            ForwardingStore.Wrap(services, real => new FailingKeptStatements(real))));
        using var client = host.CreateClient();
        foreach (var (sender, mid) in new[] { ("7723419865500001", "m_one"), (Poison, "m_poison"), ("7723419865500003", "m_three") })
        {
            var body = Encoding.UTF8.GetBytes($$$"""{"object":"page","entry":[{"id":"104523987765432","time":1763712000123,"messaging":[{"sender":{"id":"{{{sender}}}"},"recipient":{"id":"104523987765432"},"timestamp":1763712000101,"message":{"mid":"{{{mid}}}","text":"hi"}}]}]}""");
            (await NormalizerApplication.PostWebhookAsync(client, body)).EnsureSuccessStatusCode();
        }

        var processed = await host.Services.GetRequiredService<InboxProcessor>().ProcessNextBatchAsync(CancellationToken.None);

        using var api = host.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", NormalizerApplication.ApiKey);
        var events = (await api.GetFromJsonAsync<JsonElement>("/v1/events")).GetProperty("data").EnumerateArray()
            .Select(e => e.GetProperty("message").GetProperty("id").GetString()).ToList();
        var quarantined = Assert.Single((await api.GetFromJsonAsync<JsonElement>("/v1/quarantine")).GetProperty("data").EnumerateArray());
        Assert.Equal(3, processed);
        Assert.Equal(["m_one", "m_three"], events);
        Assert.Contains("m_poison", quarantined.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("processing failed: InvalidOperationException", quarantined.GetProperty("reason").GetString());
    }

    // The store of the run, with statements kept for later (as on a database server); those naming the poisoned sender fail.
    private sealed class FailingKeptStatements(IStoreConnectionFactory real) : ForwardingStore(real)
    {
        public override bool DefersStatements => true;

        public override ValueTask ExecuteDeferredAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<DeferredStatement> statements,
            CancellationToken cancellationToken)
        {
            foreach (var statement in statements)
            {
                var values = new Texts();
                statement.CopyTo(values);
                if (values.All.Contains(Poison))
                {
                    throw new InvalidOperationException("a kept statement failed");
                }
            }

            return Real.ExecuteDeferredAsync(connection, transaction, statements, cancellationToken);
        }
    }

    private sealed class Texts : IRowValues
    {
        public HashSet<string> All { get; } = new(StringComparer.Ordinal);

        public void Set(int index, string? value)
        {
            if (value is not null)
            {
                All.Add(value);
            }
        }

        public void Set(int index, long? value)
        {
        }

        public void SetUtf8(int index, ReadOnlySpan<byte> text) => All.Add(Encoding.UTF8.GetString(text));

        public void SetBlob(int index, ReadOnlySpan<byte> value)
        {
        }
    }
}
