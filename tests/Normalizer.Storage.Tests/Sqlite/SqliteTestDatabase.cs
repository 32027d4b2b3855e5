using Microsoft.Data.Sqlite;
using Normalizer.Host.Storage.Providers;

namespace Normalizer.Storage.Tests.Sqlite;

/// <summary>A SQLite file (<c>n.db</c>, its inbox <c>n-inbox.db</c>) in a directory of its own; always available.</summary>
public sealed class SqliteTestDatabase : ITestDatabase
{
    private readonly string _directory = Directory.CreateTempSubdirectory("normalizer-store-").FullName;

    private SqliteTestDatabase() => Connections = new SqliteConnectionFactory($"Data Source={Path.Combine(_directory, "n.db")}");

    public static string? Unavailable => null;

    public IStoreConnectionFactory Connections { get; }

    public static ITestDatabase Create() => new SqliteTestDatabase();

    public ValueTask DropAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
