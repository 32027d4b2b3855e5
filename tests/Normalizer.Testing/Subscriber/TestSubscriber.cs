using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Normalizer.Testing.Subscriber;

/// <summary>
/// A consuming app for delivery tests: a real Kestrel server on 127.0.0.1 (port 0) that records every POST and
/// answers the status chosen by <see cref="Respond"/> (200 by default).
/// </summary>
public sealed class TestSubscriber : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SubscriberRequest> _requests = new();
    private int _count;

    private TestSubscriber(WebApplication app) => _app = app;

    /// <summary>Chooses the answer from the request (index 0-based over all requests, and what arrived before).</summary>
    public Func<SubscriberRequest, IReadOnlyCollection<SubscriberRequest>, int> Respond { get; set; } = (_, _) => 200;

    /// <summary>The webhook URL.</summary>
    public string Url { get; private set; } = "";

    public IReadOnlyList<SubscriberRequest> Requests => [.. _requests];

    public static async Task<TestSubscriber> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var subscriber = new TestSubscriber(app);
        app.MapPost("/hook", subscriber.ReceiveAsync);
        await app.StartAsync();
        subscriber.Url = app.Urls.Single().TrimEnd('/') + "/hook";
        return subscriber;
    }

    /// <summary>Waits (bounded) until <paramref name="predicate"/> holds over the requests; returns them.</summary>
    public async Task<IReadOnlyList<SubscriberRequest>> WaitAsync(Func<IReadOnlyList<SubscriberRequest>, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var requests = Requests;
            if (predicate(requests))
            {
                return requests;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the subscriber's condition did not hold; {requests.Count} request(s) received");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived.</summary>
    public Task<IReadOnlyList<SubscriberRequest>> WaitForRequestsAsync(int count, TimeSpan? timeout = null) =>
        WaitAsync(r => r.Count >= count, timeout);

    private async Task ReceiveAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var headers = context.Request.Headers;
        var index = Interlocked.Increment(ref _count) - 1;
        var request = new SubscriberRequest(index, headers["webhook-id"].FirstOrDefault(), headers["webhook-timestamp"].FirstOrDefault(),
            headers["webhook-signature"].FirstOrDefault(), context.Request.ContentType, buffer.ToArray(), 0);
        var status = Respond(request, _requests);
        _requests.Enqueue(request with { AnsweredStatus = status });
        context.Response.StatusCode = status;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
