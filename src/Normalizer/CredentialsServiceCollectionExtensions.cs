using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Normalizer.Credentials;
using Normalizer.Storage.Dapper;
using Normalizer.Templates;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers credentials (configuration + encrypted API-set tokens) and reply templates over the SQL store.</summary>
public static class CredentialsServiceCollectionExtensions
{
    /// <summary>The Data Protection application name: fixed, so that keys (and stored tokens) survive restarts and moves.</summary>
    public const string DataProtectionApplicationName = "Normalizer";

    /// <summary>
    /// Adds <see cref="ICredentialStore"/>: <c>Normalizer:Pages</c> and <c>Normalizer:Apps</c> (validated at start)
    /// plus tokens set through the API, encrypted with Data Protection. Where the keys are kept is the host's choice
    /// (<c>IDataProtectionBuilder.PersistKeysToFileSystem</c>, the returned builder).
    /// </summary>
    public static IDataProtectionBuilder AddCredentials(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CredentialOptions>().BindConfiguration(CredentialOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CredentialOptions>, CredentialOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPageTokenStore, SqlPageTokenStore>();
        services.TryAddSingleton<CredentialStore>();
        services.TryAddSingleton<ICredentialStore>(p => p.GetRequiredService<CredentialStore>());
        return services.AddDataProtection().SetApplicationName(DataProtectionApplicationName);
    }

    /// <summary>Adds <see cref="ITemplateRenderer"/> (Handlebars, per-locale variants) over the <c>templates</c> table.</summary>
    public static IServiceCollection AddTemplates(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITemplateStore, SqlTemplateStore>();
        services.TryAddSingleton<TemplateService>();
        services.TryAddSingleton<ITemplateRenderer>(p => p.GetRequiredService<TemplateService>());
        return services;
    }
}
