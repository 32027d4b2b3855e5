using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Ingest;

namespace Normalizer.Host.Tests;

/// <summary>
/// A row whose processing throws goes to quarantine alone: the processor first runs a batch without savepoints
/// and, when a row throws, redoes the batch with a savepoint per row (InboxProcessor).
/// </summary>
public sealed class InboxProcessorFailureTests
{
    [Fact]
    public async Task ProcessNextBatch_RowThatThrowsAmongOthers_QuarantinesItAndStoresTheRest()
    {
        await using var app = new NormalizerApplication(processInbox: false);
        await using var host = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddTransient<IPipelineBehavior<ProcessEvent, ProcessEventResult>, ThrowOnBoom>()));
        using var client = host.CreateClient();
        foreach (var (mid, text) in new[] { ("m_one", "first"), ("m_boom", "boom"), ("m_two", "second") })
        {
            var body = Encoding.UTF8.GetBytes($$$"""{"object":"page","entry":[{"id":"104523987765432","time":1763712000123,"messaging":[{"sender":{"id":"7723419865501234"},"recipient":{"id":"104523987765432"},"timestamp":1763712000101,"message":{"mid":"{{{mid}}}","text":"{{{text}}}"}}]}]}""");
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/meta") { Content = content };
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", Normalizer.Testing.Signing.XHubSignature256(body, NormalizerApplication.AppSecret));
            (await client.SendAsync(request)).EnsureSuccessStatusCode();
        }

        var processed = await host.Services.GetRequiredService<InboxProcessor>().ProcessNextBatchAsync(CancellationToken.None);

        Assert.Equal(3, processed);
        using var api = host.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", NormalizerApplication.ApiKey);
        var events = (await api.GetFromJsonAsync<JsonElement>("/v1/events")).GetProperty("data").EnumerateArray()
            .Select(e => e.GetProperty("message").GetProperty("id").GetString()).ToList();
        Assert.Equal(["m_one", "m_two"], events);
        var quarantined = Assert.Single((await api.GetFromJsonAsync<JsonElement>("/v1/quarantine")).GetProperty("data").EnumerateArray());
        Assert.Equal("processing failed: InvalidOperationException", quarantined.GetProperty("reason").GetString());
        Assert.Contains("m_boom", quarantined.GetProperty("body").GetString());
        Assert.Equal(0, await host.Services.GetRequiredService<InboxProcessor>().ProcessNextBatchAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ProcessNextBatch_StoreBusyOnce_FailsTheBatchWithoutQuarantineAndTheRetryStoresAll()
    {
        await using var app = new NormalizerApplication(processInbox: false);
        await using var host = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IPipelineBehavior<ProcessEvent, ProcessEventResult>, BusyOnce>()));
        using var client = host.CreateClient();
        var body = Normalizer.Testing.Fixture.Sample("messenger-text-batch.json");
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/meta") { Content = content };
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", Normalizer.Testing.Signing.XHubSignature256(body, NormalizerApplication.AppSecret));
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
        var processor = host.Services.GetRequiredService<InboxProcessor>();

        await Assert.ThrowsAsync<BusyException>(() => processor.ProcessNextBatchAsync(CancellationToken.None));
        var retried = await processor.ProcessNextBatchAsync(CancellationToken.None);

        Assert.Equal(1, retried);
        using var api = host.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", NormalizerApplication.ApiKey);
        Assert.Equal(3, (await api.GetFromJsonAsync<JsonElement>("/v1/events")).GetProperty("data").GetArrayLength());
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>("/v1/quarantine")).GetProperty("data").GetArrayLength());
    }

    private sealed class BusyException : System.Data.Common.DbException
    {
        public override bool IsTransient => true;
    }

    private sealed class BusyOnce : IPipelineBehavior<ProcessEvent, ProcessEventResult>
    {
        private int _calls;

        public Task<ProcessEventResult> Handle(ProcessEvent request, CancellationToken cancellationToken, RequestHandlerDelegate<ProcessEventResult> next) =>
            Interlocked.Increment(ref _calls) == 2 ? throw new BusyException() : next();
    }

    private sealed class ThrowOnBoom : IPipelineBehavior<ProcessEvent, ProcessEventResult>
    {
        public Task<ProcessEventResult> Handle(ProcessEvent request, CancellationToken cancellationToken, RequestHandlerDelegate<ProcessEventResult> next) =>
            request.Event.Message?.Body == "boom" ? throw new InvalidOperationException("boom") : next();
    }
}
