using Normalizer.Channels;
using Normalizer.Host.Options;
using Normalizer.Storage;

namespace Normalizer.Host.Storage.Providers;

/// <summary>Picks the ADO.NET provider named by <c>Normalizer:Storage:Provider</c>.</summary>
internal static class StoreRegistration
{
    public static INormalizerBuilder AddConfiguredStore(this INormalizerBuilder builder, IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        IStoreConnectionFactory factory = options.Provider.ToLowerInvariant() switch
        {
            "sqlite" => new SqliteConnectionFactory(options.ConnectionString),
            var other => throw new InvalidOperationException(
                $"Normalizer:Storage:Provider '{other}' is not available in this build; use 'sqlite'."),
        };
        builder.Services.AddSingleton(factory);
        return builder.AddSqlStore();
    }
}
