using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Normalizer.Benchmarks;

/// <summary>
/// <c>receiver --urls http://127.0.0.1:PORT</c>: a subscriber for scripts/load.sh. Answers every POST with 200 at once
/// (the body is not read), counts the requests and the distinct <c>webhook-id</c> values (the event ids), and shows the
/// counts on <c>GET /stats</c>: <c>{"requests":…,"distinct":…,"last_at_ms":…,"last_new_at_ms":…}</c>, the times in Unix
/// milliseconds of the last request and of the last one with an id not seen before.
/// </summary>
internal static class Receiver
{
    private static readonly ConcurrentDictionary<string, byte> Seen = new(StringComparer.Ordinal);
    private static long _requests;
    private static long _distinct;
    private static long _lastAtMs;
    private static long _lastNewAtMs;

    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/healthz", () => TypedResults.Ok());
        app.MapGet("/stats", Stats);
        app.MapPost("/{**path}", Receive);
        await app.RunAsync();
    }

    private static IResult Receive(HttpRequest request)
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        Interlocked.Increment(ref _requests);
        if (request.Headers["webhook-id"].ToString() is { Length: > 0 } id && Seen.TryAdd(id, 0))
        {
            Interlocked.Increment(ref _distinct);
            Later(ref _lastNewAtMs, now);
        }

        Later(ref _lastAtMs, now);
        return TypedResults.Ok();
    }

    private static IResult Stats() => TypedResults.Text(string.Create(CultureInfo.InvariantCulture,
        $"{{\"requests\":{Interlocked.Read(ref _requests)},\"distinct\":{Interlocked.Read(ref _distinct)},\"last_at_ms\":{Interlocked.Read(ref _lastAtMs)},\"last_new_at_ms\":{Interlocked.Read(ref _lastNewAtMs)}}}"),
        "application/json");

    private static void Later(ref long field, long value)
    {
        var seen = Interlocked.Read(ref field);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref field, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
