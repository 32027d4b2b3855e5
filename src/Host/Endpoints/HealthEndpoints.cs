using System.Data.Common;
using Normalizer.Storage;

namespace Normalizer.Host.Endpoints;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: the store answers, with the inbox lag.</summary>
internal static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Json(new HealthStatus("ok"), HostJsonContext.Default.HealthStatus))
            .WithTags("Health").WithSummary("Liveness.");
        app.MapGet("/readyz", ReadyAsync).WithTags("Health").WithSummary("Readiness: store reachable; inbox pending count and lag.");
    }

    private static async Task<IResult> ReadyAsync(IInbox inbox, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            var (pending, oldest) = await inbox.LagAsync(cancellationToken);
            var lag = oldest is { } o ? Math.Max(0, time.GetUtcNow().ToUnixTimeMilliseconds() - o) : 0;
            return TypedResults.Json(new HealthStatus("ready", pending, lag), HostJsonContext.Default.HealthStatus);
        }
        catch (DbException ex)
        {
            return TypedResults.Json(new HealthStatus("unavailable", Error: $"store unreachable: {ex.GetType().Name}"),
                HostJsonContext.Default.HealthStatus, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
