using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Normalizer.Channels;
using Normalizer.Channels.Instagram;
using Normalizer.Graph;
using Normalizer.Identity;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Instagram channel.</summary>
public static class InstagramNormalizerBuilderExtensions
{
    /// <summary>Adds the Instagram channel (parser, sender, profiles, its Graph host). Calling it twice is harmless.</summary>
    public static INormalizerBuilder AddInstagram(this INormalizerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannel, InstagramChannel>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelSender, InstagramSender>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelProfiles, InstagramProfiles>());
        builder.Services.AddGraphSection<InstagramGraphOptions>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InstagramGraphOptions>, InstagramGraphOptionsValidator>());
        builder.Services.AddHttpClient(InstagramChannel.HttpClientName);
        return builder;
    }
}
