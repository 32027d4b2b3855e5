using Microsoft.Data.SqlClient;

namespace Normalizer.Testing.Databases;

/// <summary>
/// The SQL Server the tests may use: <c>NORMALIZER_TEST_SQLSERVER</c> holds a connection string to it (none can run on the
/// development machines; the provider's statements are checked offline, Normalizer.Storage.Tests/SqlServer). Each store gets a
/// database of its own, created empty (snapshot reads allowed) and dropped after. The store's contract runs on it when
/// <c>NORMALIZER_TEST_SQLSERVER</c> is set; with <c>NORMALIZER_TEST_STORE=sqlserver</c>, every test host runs on it too.
/// </summary>
public static class TestSqlServer
{
    public const string NoServer =
        "no SQL Server can run here; set NORMALIZER_TEST_SQLSERVER to a server's connection string to run the SQL Server tests";

    /// <summary>The server's connection string, or null when none is configured.</summary>
    public static string? Server => Environment.GetEnvironmentVariable("NORMALIZER_TEST_SQLSERVER") is { Length: > 0 } s ? s : null;

    /// <summary>Whether the test hosts run on SQL Server instead of SQLite.</summary>
    public static bool HostsOnSqlServer =>
        string.Equals(Environment.GetEnvironmentVariable("NORMALIZER_TEST_STORE"), "sqlserver", StringComparison.OrdinalIgnoreCase);

    private static string RequiredServer => Server ?? throw new InvalidOperationException(NoServer);

    /// <summary>Creates the database <paramref name="name"/> (letters, digits, _) unless it exists; returns its connection string.</summary>
    public static string Create(string name)
    {
        Run($"IF DB_ID(N'{name}') IS NULL BEGIN CREATE DATABASE [{name}]; ALTER DATABASE [{name}] SET ALLOW_SNAPSHOT_ISOLATION ON; END");
        return new SqlConnectionStringBuilder(RequiredServer) { InitialCatalog = name }.ToString();
    }

    /// <summary>Drops the database <paramref name="name"/>, closing its connections.</summary>
    public static void Drop(string name)
    {
        SqlConnection.ClearAllPools();
        Run($"IF DB_ID(N'{name}') IS NOT NULL BEGIN ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]; END");
    }

    private static void Run(string sql)
    {
        using var connection = new SqlConnection(new SqlConnectionStringBuilder(RequiredServer) { InitialCatalog = "master" }.ToString());
        connection.Open();
        using var command = new SqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
