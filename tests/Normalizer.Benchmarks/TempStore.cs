using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Normalizer.Channels;
using Normalizer.Host.Storage.Providers;
using Normalizer.Storage;

namespace Normalizer.Benchmarks;

/// <summary>
/// The store the benchmark modes run on: the host's SQLite provider over a fresh temp file (and the inbox file the provider
/// keeps beside it), with the three channels, and the files deleted afterwards.
/// </summary>
internal static class TempStore
{
    /// <summary>A path for a new database file in the temp directory.</summary>
    public static string NewPath(string name) => Path.Combine(Path.GetTempPath(), $"normalizer-{name}-{Guid.NewGuid():N}.db");

    /// <summary>The services of a store on <paramref name="database"/>; configuration from <paramref name="configuration"/>, else none.</summary>
    public static INormalizerBuilder Services(string database, IConfiguration? configuration = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration ?? new ConfigurationBuilder().Build());
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<IStoreConnectionFactory>(new SqliteConnectionFactory($"Data Source={database}"));
        return services.AddNormalizer().AddMessenger().AddInstagram().AddWhatsApp().AddSqlStore();
    }

    /// <summary>Deletes the database's files: its own, its inbox's, and their write-ahead logs.</summary>
    public static void Delete(string database)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(database)!, Path.GetFileNameWithoutExtension(database) + "*"))
        {
            File.Delete(file);
        }
    }
}
