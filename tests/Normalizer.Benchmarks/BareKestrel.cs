using System.Buffers;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Normalizer.Benchmarks;

/// <summary>
/// The ceiling of the load test: the same WebApplication defaults and route as the host, reading the body
/// into a pooled buffer and answering 200 with a body of the same size, and nothing else (no signature,
/// no inbox, no commit).
/// </summary>
internal static class BareKestrel
{
    private static long _next;

    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/healthz", () => TypedResults.Ok());
        app.MapPost("/webhooks/{channel}", ReceiveAsync);
        await app.RunAsync();
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)(request.ContentLength ?? 16 * 1024) + 1);
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
                }
            }

            var id = Interlocked.Increment(ref _next);
            return TypedResults.Text($"{{\"accepted\":true,\"id\":{id.ToString(CultureInfo.InvariantCulture)}}}", "application/json");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
