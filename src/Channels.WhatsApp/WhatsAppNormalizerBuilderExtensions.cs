using Microsoft.Extensions.DependencyInjection.Extensions;
using Normalizer.Channels;
using Normalizer.Channels.WhatsApp;
using Normalizer.Identity;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the WhatsApp channel.</summary>
public static class WhatsAppNormalizerBuilderExtensions
{
    /// <summary>Adds the WhatsApp channel (parser, sender and profiles). Calling it twice is harmless.</summary>
    public static INormalizerBuilder AddWhatsApp(this INormalizerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannel, WhatsAppChannel>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelSender, WhatsAppSender>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelProfiles, WhatsAppProfiles>());
        builder.Services.AddHttpClient(WhatsAppChannel.HttpClientName);
        return builder;
    }
}
