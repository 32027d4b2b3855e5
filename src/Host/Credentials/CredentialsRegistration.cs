using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Normalizer.Host.Credentials;

/// <summary>The host's glue for credentials and templates: where the Data Protection keys are kept.</summary>
internal static class CredentialsRegistration
{
    /// <summary>Configuration key of the keys directory (default: <c>keys/</c> beside the SQLite database file).</summary>
    public const string KeysDirectoryKey = "Normalizer:DataProtection:KeysDirectory";

    public static IServiceCollection AddCredentialsAndTemplates(this IServiceCollection services)
    {
        services.AddCredentials();
        services.AddTemplates();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, KeysDirectoryConfiguration>();
        return services;
    }
}
