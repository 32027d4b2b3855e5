using Normalizer.Diagnostics;
using Normalizer.Host.Auth;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Normalizer.Host.Metrics;

/// <summary>
/// OpenTelemetry metrics: the <c>Normalizer</c> meter, ASP.NET Core's (<c>http.server.request.duration</c>) and the HTTP
/// client's (<c>http.client.request.duration</c>: Graph calls and deliveries), exported for Prometheus at <c>/metrics</c>,
/// which takes an API key like <c>/v1</c>.
/// </summary>
internal static class MetricsSetup
{
    public const string Path = "/metrics";

    public static IServiceCollection AddNormalizerMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("normalizer"))
            .WithMetrics(metrics => metrics
                .AddMeter(NormalizerMeter.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                // Prometheus scrapes every few seconds; each scrape sees the counts of that moment.
                .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    public static void MapNormalizerMetrics(this IEndpointRouteBuilder app) =>
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(RequireApiKeyAsync),
            optionsName: null);

    private static async Task RequireApiKeyAsync(HttpContext context, RequestDelegate next)
    {
        var check = context.RequestServices.GetRequiredService<ApiKeys>().Check(context.Request);
        if (check == ApiKeyCheck.Valid)
        {
            await next(context);
            return;
        }

        await ApiKeyFilter.Refusal(check).ExecuteAsync(context);
    }
}
