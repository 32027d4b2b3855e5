using Microsoft.Extensions.DependencyInjection.Extensions;
using Normalizer.Channels;

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
        return new NormalizerBuilder(services);
    }
}
