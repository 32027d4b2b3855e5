using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Normalizer.Graph;

/// <summary>Section <c>Normalizer:Graph</c> for the core's <see cref="GraphOptions"/> and the keys a channel adds to it.</summary>
public static class GraphSection
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <c>Normalizer:Graph</c> of the <see cref="Microsoft.Extensions.Configuration.IConfiguration"/>
    /// in DI (the defaults when there is none), reloading with it; validated at start. Calling it twice is harmless.
    /// </summary>
    public static OptionsBuilder<TOptions> AddGraphSection<TOptions>(this IServiceCollection services) where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<TOptions>, GraphSectionSetup<TOptions>>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOptionsChangeTokenSource<TOptions>, GraphSectionSetup<TOptions>>());
        return services.AddOptions<TOptions>().ValidateOnStart();
    }

    /// <summary>Adds a failure naming <c>Normalizer:Graph:</c><paramref name="key"/> unless <paramref name="url"/> is an absolute http(s) URL without query or user info.</summary>
    public static void CheckUrl(Uri? url, string key, List<string> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.UserInfo))
        {
            failures.Add($"{GraphOptions.Section}:{key} must be an absolute http(s) URL without query or user info.");
        }
    }
}
