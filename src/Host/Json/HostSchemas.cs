using Normalizer.Json;

namespace Normalizer.Host;

/// <summary>Every schema file for integrators: the core's (event, send request, send result) and the subscription's.</summary>
internal static class HostSchemas
{
    public static IReadOnlyList<(string FileName, string Json)> All() =>
    [
        .. SchemaExporter.All(),
        ("subscription.schema.json", SchemaExporter.Export(HostJsonContext.Default.SubscriptionRequest, "Subscription",
            "The body of POST /v1/subscriptions: where Normalizer delivers events, the signing secret, and the filter.")),
    ];
}
