using System.Data.Common;
using Microsoft.Extensions.Options;
using Normalizer.Health;
using Normalizer.Storage;

namespace Normalizer.Host.Endpoints;

/// <summary>
/// <c>/healthz</c>: the process answers. <c>/readyz</c>: the store answers, with the inbox lag and the state of every
/// background loop; 503 when the store does not answer, a loop is failing or stalled, or the lag passes
/// <c>Normalizer:Health:MaxInboxLag</c>.
/// </summary>
internal static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Json(new HealthStatus("ok"), HostJsonContext.Default.HealthStatus))
            .WithTags("Health").WithSummary("Liveness.");
        app.MapGet("/readyz", ReadyAsync).WithTags("Health")
            .WithSummary("Readiness: store reachable, inbox pending count and lag, background loops; 503 when degraded.");
    }

    private static async Task<IResult> ReadyAsync(
        IInbox inbox, BackgroundLoops loops, IOptionsMonitor<HealthOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var limits = options.CurrentValue;
        var states = loops.Snapshot(limits.StallAfter);
        try
        {
            var (pending, oldest) = await inbox.LagAsync(cancellationToken);
            var lag = oldest is { } o ? Math.Max(0, time.GetUtcNow().ToUnixTimeMilliseconds() - o) : 0;
            var problems = states.Where(s => s.Degraded).Select(s => $"{s.Name} is {s.State}").ToList();
            if (lag > limits.MaxInboxLag.TotalMilliseconds)
            {
                problems.Add($"inbox lag {lag} ms is over Normalizer:Health:MaxInboxLag ({(long)limits.MaxInboxLag.TotalMilliseconds} ms)");
            }

            return problems.Count == 0
                ? TypedResults.Json(new HealthStatus("ready", pending, lag, Loops: states), HostJsonContext.Default.HealthStatus)
                : TypedResults.Json(new HealthStatus("degraded", pending, lag, Problems: problems, Loops: states),
                    HostJsonContext.Default.HealthStatus, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (DbException ex)
        {
            return TypedResults.Json(new HealthStatus("unavailable", Error: $"store unreachable: {ex.GetType().Name}", Loops: states),
                HostJsonContext.Default.HealthStatus, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
