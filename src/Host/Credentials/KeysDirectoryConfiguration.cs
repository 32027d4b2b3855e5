using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Normalizer.Host.Storage.Providers;
using Normalizer.Storage;

namespace Normalizer.Host.Credentials;

/// <summary>
/// Persists the Data Protection key ring to <c>Normalizer:DataProtection:KeysDirectory</c>, or else to <c>keys/</c>
/// beside the SQLite database file, so stored tokens stay readable after a restart. Without either (an in-memory
/// or server database), ASP.NET Core's default location applies. Back the directory up with the database:
/// without its keys, stored tokens cannot be decrypted.
/// </summary>
internal sealed class KeysDirectoryConfiguration(IConfiguration configuration, IStoreConnectionFactory store, ILoggerFactory loggers)
    : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions options)
    {
        if (Resolve(configuration, store) is { } directory)
        {
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(directory), loggers);
        }
    }

    public static string? Resolve(IConfiguration configuration, IStoreConnectionFactory store)
    {
        if (configuration[CredentialsRegistration.KeysDirectoryKey] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        return store is SqliteConnectionFactory { DataSource: var file } && file != ":memory:"
            ? Path.Combine(Path.GetDirectoryName(file) ?? ".", "keys")
            : null;
    }
}
