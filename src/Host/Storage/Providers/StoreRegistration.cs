using Microsoft.Extensions.Options;
using Normalizer.Channels;
using Normalizer.Host.Options;
using Normalizer.Storage;

namespace Normalizer.Host.Storage.Providers;

/// <summary>Picks the ADO.NET provider named by <c>Normalizer:Storage:Provider</c> (validated at start).</summary>
internal static class StoreRegistration
{
    public static INormalizerBuilder AddConfiguredStore(this INormalizerBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        // Created on first use: reading the options runs the validator, so a bad value fails before any file is opened.
        services.AddSingleton<IStoreConnectionFactory>(provider => Create(provider.GetRequiredService<IOptions<StorageOptions>>().Value));
        return builder.AddSqlStore();
    }

    private static IStoreConnectionFactory Create(StorageOptions options) =>
        string.Equals(options.Provider, StorageOptionsValidator.Postgres, StringComparison.OrdinalIgnoreCase)
            ? new PostgresConnectionFactory(options.ConnectionString)
            : string.Equals(options.Provider, StorageOptionsValidator.SqlServer, StringComparison.OrdinalIgnoreCase)
                ? new SqlServerConnectionFactory(options.ConnectionString)
                : new SqliteConnectionFactory(options.ConnectionString);
}
