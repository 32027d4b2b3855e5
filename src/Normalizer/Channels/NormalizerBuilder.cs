using Microsoft.Extensions.DependencyInjection;

namespace Normalizer.Channels;

internal sealed class NormalizerBuilder(IServiceCollection services) : INormalizerBuilder
{
    public IServiceCollection Services { get; } = services;
}
