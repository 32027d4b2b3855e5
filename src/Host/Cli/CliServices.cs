namespace Normalizer.Host.Cli;

/// <summary>The services the offline commands need: the core and the three channels, no store.</summary>
internal static class CliServices
{
    public static ServiceProvider Build() =>
        new ServiceCollection().AddLogging().AddNormalizer().AddMessenger().AddInstagram().AddWhatsApp().Services.BuildServiceProvider();
}
