using System.Diagnostics.Metrics;
using Normalizer.Delivery;
using Normalizer.Diagnostics;
using Normalizer.Graph;
using Normalizer.Host.Auth;
using Normalizer.Ingest;
using Normalizer.Sending;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Normalizer.Host.Metrics;

/// <summary>
/// OpenTelemetry metrics: the <c>Normalizer</c> meter, exported for Prometheus at <c>/metrics</c>, which takes an API key
/// like <c>/v1</c>, under the same limit of requests without a valid one. ASP.NET Core's and HttpClient's request-duration
/// histograms are left out: recorded for every webhook they cost more host CPU than the whole set of counters
/// (BENCHMARKS.md), and the webhooks counter, the delivery outcomes and the Graph duration already say what they would.
/// </summary>
internal static class MetricsSetup
{
    public const string Path = "/metrics";

    public static IServiceCollection AddNormalizerMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("normalizer"))
            .WithMetrics(metrics => ((IDeferredMeterProviderBuilder)metrics)
                .Configure((provider, builder) => builder.AddView(OfThisHost(provider.GetRequiredService<IMeterFactory>())))
                .AddMeter(NormalizerMeter.Name)
                // Prometheus scrapes every few seconds; each scrape sees the counts of that moment.
                .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    public static void MapNormalizerMetrics(this WebApplication app)
    {
        // Every instrument exists from the start (the inbox lag reads 0 before the first webhook).
        _ = app.Services.GetRequiredService<IngestMetrics>();
        _ = app.Services.GetRequiredService<DeliveryMetrics>();
        _ = app.Services.GetRequiredService<SendMetrics>();
        _ = app.Services.GetRequiredService<GraphMetrics>();
        // Guessing keys here counts against the same per-address limit as on /v1.
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(RequireApiKeyAsync),
            optionsName: null).RequireRateLimiting(ApiKeyRateLimiting.Policy);
    }

    // A meter made by another host's IMeterFactory in the same process (tests run several hosts) has the same name:
    // only this host's, and the process-wide ones (no scope), are exported here.
    private static Func<Instrument, MetricStreamConfiguration?> OfThisHost(IMeterFactory factory) =>
        instrument => instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, factory) ? null : MetricStreamConfiguration.Drop;

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
