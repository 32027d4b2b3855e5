using Microsoft.Extensions.DependencyInjection.Extensions;
using Normalizer.Channels;
using Normalizer.Channels.Messenger;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Messenger channel.</summary>
public static class MessengerNormalizerBuilderExtensions
{
    /// <summary>Adds the Messenger channel (parser and sender). Calling it twice is harmless.</summary>
    public static INormalizerBuilder AddMessenger(this INormalizerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannel, MessengerChannel>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelSender, MessengerSender>());
        builder.Services.AddHttpClient(MessengerChannel.HttpClientName);
        return builder;
    }
}
