using Microsoft.Extensions.DependencyInjection.Extensions;
using Normalizer.Channels;
using Normalizer.Channels.Instagram;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Instagram channel.</summary>
public static class InstagramNormalizerBuilderExtensions
{
    /// <summary>Adds the Instagram channel (parser and sender). Calling it twice is harmless.</summary>
    public static INormalizerBuilder AddInstagram(this INormalizerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannel, InstagramChannel>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelSender, InstagramSender>());
        builder.Services.AddHttpClient(InstagramChannel.HttpClientName);
        return builder;
    }
}
