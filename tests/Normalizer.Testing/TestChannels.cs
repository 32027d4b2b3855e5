using Microsoft.Extensions.DependencyInjection;
using Normalizer.Channels;
using Normalizer.Events;

namespace Normalizer.Testing;

/// <summary>The core with all three channels, as <c>AddNormalizer().AddMessenger().AddInstagram().AddWhatsApp()</c> builds it.</summary>
public static class TestChannels
{
    private static readonly Lazy<ServiceProvider> Instance = new(() =>
        new ServiceCollection().AddLogging().AddNormalizer().AddMessenger().AddInstagram().AddWhatsApp().Services.BuildServiceProvider());

    public static IServiceProvider Services => Instance.Value;

    public static ChannelRegistry Registry => Services.GetRequiredService<ChannelRegistry>();

    public static IChannelSender Sender(Platform platform) => Services.GetServices<IChannelSender>().Single(s => s.Platform == platform);
}
