using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Host.Storage.Providers;
using Normalizer.Storage;

namespace Normalizer.Host.Tests.Storage;

/// <summary>Normalizer's SQL store on a migrated SQLite file (<c>n.db</c>, inbox <c>n-inbox.db</c>) in a directory of its own.</summary>
internal sealed class TempSqliteStore : IAsyncDisposable
{
    private TempSqliteStore(string directory, ServiceProvider services) => (Directory, Services) = (directory, services);

    public string Directory { get; }

    public ServiceProvider Services { get; }

    public static async Task<TempSqliteStore> CreateAsync()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("normalizer-store-").FullName;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IStoreConnectionFactory>(new SqliteConnectionFactory($"Data Source={Path.Combine(directory, "n.db")}"));
        services.AddNormalizer().AddSqlStore();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<MigrationRunner>().ApplyAsync(CancellationToken.None);
        return new TempSqliteStore(directory, provider);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
