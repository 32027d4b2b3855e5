using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Normalizer.Channels;
using Normalizer.Delivery;
using Normalizer.Diagnostics;
using Normalizer.Events;
using Normalizer.Graph;
using Normalizer.Ingest;
using Normalizer.Ingest.Behaviors;
using Normalizer.Sending;
using Normalizer.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Normalizer's core: channel registry, webhook normalizer and the event pipeline.</summary>
public static class NormalizerServiceCollectionExtensions
{
    /// <summary>Adds the core; chain <c>AddMessenger()</c>, <c>AddInstagram()</c>, <c>AddWhatsApp()</c> on the result.</summary>
    public static INormalizerBuilder AddNormalizer(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChannelRegistry>();
        services.TryAddSingleton<WebhookNormalizer>();
        AddPipeline(services);
        AddGraph(services);
        AddMetrics(services);

        // Every outbound client carries a credential in a header (Graph tokens as Authorization: Bearer). The
        // factory's request logger redacts header values in its message only; at Trace it still hands them,
        // unredacted, to structured sinks as the record's values. Our clients log their calls themselves.
        services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers());
        return new NormalizerBuilder(services);
    }

    // The Graph client. GraphOptions bind to "Normalizer:Graph" of the IConfiguration in DI
    // (defaults when there is none, e.g. the CLI) and are validated at start.
    private static void AddGraph(IServiceCollection services)
    {
        services.AddGraphSection<GraphOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>());
        services.AddHttpClient(GraphClient.HttpClientName);
        services.TryAddSingleton<IGraphClient, GraphClient>();
    }

    // The instruments of the "Normalizer" meter, one set per host (its IMeterFactory).
    private static void AddMetrics(IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<NormalizerMeter>();
        services.TryAddSingleton<IngestMetrics>();
        services.TryAddSingleton<DeliveryMetrics>();
        services.TryAddSingleton<SendMetrics>();
        services.TryAddSingleton<GraphMetrics>();
    }

    // MediatR 5.1.0 is registered by hand and only here; the first behavior registered is the outermost.
    private static void AddPipeline(IServiceCollection services)
    {
        services.TryAddScoped<ServiceFactory>(p => p.GetService!);
        services.TryAddScoped<IMediator, Mediator>();
        services.TryAddScoped<EventPipeline>();
        services.TryAddSingleton<IValidator<NormalizedEvent>, NormalizedEventValidator>();
        services.TryAddSingleton<IDedupStore>(_ => new InMemoryDedupStore());
        services.TryAddSingleton<IEventSink, NullEventSink>();
        services.TryAddTransient<IRequestHandler<ProcessEvent, ProcessEventResult>, ProcessEventHandler>();
        if (services.Any(d => d.ServiceType == typeof(IPipelineBehavior<ProcessEvent, ProcessEventResult>)))
        {
            return;
        }

        services.AddTransient<IPipelineBehavior<ProcessEvent, ProcessEventResult>, ValidationBehavior>();
        services.AddTransient<IPipelineBehavior<ProcessEvent, ProcessEventResult>, IdTaggingBehavior>();
        services.AddTransient<IPipelineBehavior<ProcessEvent, ProcessEventResult>, DedupBehavior>();
    }
}
