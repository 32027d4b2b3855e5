using Microsoft.Extensions.DependencyInjection;

namespace Normalizer.Storage.Tests;

/// <summary>Normalizer's SQL store, migrated, on an empty database of its own (<see cref="ITestDatabase"/>), dropped on dispose.</summary>
public sealed class TempStore : IAsyncDisposable
{
    private readonly ITestDatabase _database;

    private TempStore(ServiceProvider services, ITestDatabase database)
    {
        Services = services;
        _database = database;
    }

    public ServiceProvider Services { get; }

    public IStoreConnectionFactory Connections => Services.GetRequiredService<IStoreConnectionFactory>();

    /// <summary>A migrated store on <typeparamref name="TDatabase"/>; <paramref name="configure"/> may add services (a clock) before the store's own.</summary>
    public static async Task<TempStore> CreateAsync<TDatabase>(Action<IServiceCollection>? configure = null)
        where TDatabase : ITestDatabase
    {
        var database = TDatabase.Create();
        var services = new ServiceCollection();
        services.AddLogging();
        configure?.Invoke(services);
        services.AddSingleton(database.Connections);
        services.AddNormalizer().AddMessenger().AddInstagram().AddWhatsApp().AddSqlStore();
        var store = new TempStore(services.BuildServiceProvider(), database);
        try
        {
            await store.Services.GetRequiredService<MigrationRunner>().ApplyAsync(CancellationToken.None);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _database.DropAsync();
    }
}
