using Normalizer.Host.Storage.Providers;
using Normalizer.Testing.Databases;

namespace Normalizer.Storage.Tests.SqlServer;

/// <summary>A database of its own on the SQL Server <c>NORMALIZER_TEST_SQLSERVER</c> names (<see cref="TestSqlServer"/>).</summary>
public sealed class SqlServerTestDatabase : ITestDatabase
{
    private readonly string _name = TestPostgres.NameFor("sqlserver-" + Guid.NewGuid().ToString("N"));

    private SqlServerTestDatabase() => Connections = new SqlServerConnectionFactory(TestSqlServer.Create(_name));

    public static string? Unavailable => TestSqlServer.Server is null ? TestSqlServer.NoServer : null;

    public IStoreConnectionFactory Connections { get; }

    public static ITestDatabase Create() => new SqlServerTestDatabase();

    public ValueTask DropAsync()
    {
        TestSqlServer.Drop(_name);
        return ValueTask.CompletedTask;
    }
}
