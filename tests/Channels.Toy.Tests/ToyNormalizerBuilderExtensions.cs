using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Normalizer.Channels.Toy.Tests;

/// <summary>Registers the toy channel, as <c>AddMessenger()</c> registers Messenger.</summary>
internal static class ToyNormalizerBuilderExtensions
{
    public static INormalizerBuilder AddToyChannel(this INormalizerBuilder builder)
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannel, ToyChannel>());
        return builder;
    }
}
