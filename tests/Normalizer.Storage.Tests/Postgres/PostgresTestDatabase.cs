using Normalizer.Host.Storage.Providers;
using Normalizer.Testing.Databases;

namespace Normalizer.Storage.Tests.Postgres;

/// <summary>A database of its own on the PostgreSQL server <c>NORMALIZER_TEST_POSTGRES</c> names (<see cref="TestPostgres"/>).</summary>
public sealed class PostgresTestDatabase : ITestDatabase
{
    private readonly string _name = TestPostgres.NameFor(Guid.NewGuid().ToString("N"));
    private readonly PostgresConnectionFactory _connections;

    private PostgresTestDatabase() => _connections = new PostgresConnectionFactory(TestPostgres.Create(_name));

    public static string? Unavailable => TestPostgres.Configured is null
        ? "NORMALIZER_TEST_POSTGRES is not set: set it to a PostgreSQL server's connection string, or run scripts/test.sh (it starts a private cluster)"
        : null;

    public IStoreConnectionFactory Connections => _connections;

    public static ITestDatabase Create() => new PostgresTestDatabase();

    public async ValueTask DropAsync()
    {
        await _connections.DisposeAsync();
        TestPostgres.Drop(_name);
    }
}
