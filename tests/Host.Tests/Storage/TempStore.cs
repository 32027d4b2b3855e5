using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Host.Storage.Providers;
using Normalizer.Storage;

namespace Normalizer.Host.Tests.Storage;

/// <summary>
/// Normalizer's SQL store, migrated, on the provider of the run: a SQLite file (<c>n.db</c>, inbox <c>n-inbox.db</c>) in a
/// directory of its own, or a fresh PostgreSQL database when <c>NORMALIZER_TEST_STORE=postgres</c> (<see cref="TestPostgres"/>).
/// </summary>
internal sealed class TempStore : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly string? _database;

    private TempStore(ServiceProvider services, string? directory, string? database) =>
        (Services, _directory, _database) = (services, directory, database);

    public ServiceProvider Services { get; }

    public IStoreConnectionFactory Connections => Services.GetRequiredService<IStoreConnectionFactory>();

    /// <summary>A migrated store; <paramref name="configure"/> may add services (a clock) before the store's own.</summary>
    public static async Task<TempStore> CreateAsync(Action<IServiceCollection>? configure = null)
    {
        string? directory = null, database = null;
        IStoreConnectionFactory connections;
        if (TestPostgres.HostsOnPostgres)
        {
            database = TestPostgres.NameFor(Guid.NewGuid().ToString("N"));
            connections = new PostgresConnectionFactory(TestPostgres.Create(database));
        }
        else
        {
            directory = Directory.CreateTempSubdirectory("normalizer-store-").FullName;
            connections = new SqliteConnectionFactory($"Data Source={Path.Combine(directory, "n.db")}");
        }

        var services = new ServiceCollection();
        services.AddLogging();
        configure?.Invoke(services);
        services.AddSingleton(connections);
        services.AddNormalizer().AddMessenger().AddInstagram().AddWhatsApp().AddSqlStore();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<MigrationRunner>().ApplyAsync(CancellationToken.None);
        return new TempStore(provider, directory, database);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_database is not null)
        {
            TestPostgres.Drop(_database);
        }

        if (_directory is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
