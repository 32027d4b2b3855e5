using Microsoft.Extensions.DependencyInjection;

namespace Normalizer.Channels;

/// <summary>Returned by <c>AddNormalizer()</c>; channel plugins extend it with <c>AddMessenger()</c> etc.</summary>
public interface INormalizerBuilder
{
    /// <summary>The service collection the plugins register into.</summary>
    IServiceCollection Services { get; }
}
