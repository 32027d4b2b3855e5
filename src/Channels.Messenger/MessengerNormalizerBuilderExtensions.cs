using Microsoft.Extensions.DependencyInjection.Extensions;
using Normalizer.Channels;
using Normalizer.Channels.Messenger;
using Normalizer.Identity;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Messenger channel.</summary>
public static class MessengerNormalizerBuilderExtensions
{
    /// <summary>Adds the Messenger channel (parser, sender, profiles and ID matching). Calling it twice is harmless.</summary>
    public static INormalizerBuilder AddMessenger(this INormalizerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannel, MessengerChannel>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelSender, MessengerSender>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelProfiles, MessengerProfiles>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IIdMatchingClient, GraphIdMatchingClient>());
        builder.Services.AddHttpClient(MessengerChannel.HttpClientName);
        return builder;
    }
}
