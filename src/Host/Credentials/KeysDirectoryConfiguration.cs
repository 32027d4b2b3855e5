using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Normalizer.Host.Storage.Providers;
using Normalizer.Storage;

namespace Normalizer.Host.Credentials;

/// <summary>
/// Persists the Data Protection key ring to <c>Normalizer:DataProtection:KeysDirectory</c>, or else to <c>keys/</c>
/// beside the SQLite database file, or else, on a store that several hosts share, to the store itself
/// (<see cref="StoreXmlRepository"/>), so stored tokens stay readable after a restart and on every host. Without any of
/// these (an in-memory database), ASP.NET Core's default location applies. Back the keys up with the database: without
/// them, stored tokens cannot be decrypted.
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
        else if (store.Shared)
        {
            options.XmlRepository = new StoreXmlRepository(store);
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
