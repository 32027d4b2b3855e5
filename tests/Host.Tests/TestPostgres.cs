using Npgsql;

namespace Normalizer.Host.Tests;

/// <summary>
/// The PostgreSQL server the tests may use: <c>NORMALIZER_TEST_POSTGRES</c> holds a connection string to it (CI starts a
/// private cluster with <c>scripts/postgres.sh</c>). Each store gets a database of its own, created empty and dropped after.
/// With <c>NORMALIZER_TEST_STORE=postgres</c>, every test host (<see cref="NormalizerApplication"/>) runs on PostgreSQL.
/// </summary>
public static class TestPostgres
{
    /// <summary>The server's connection string, or null when none is configured.</summary>
    public static string? Server => Environment.GetEnvironmentVariable("NORMALIZER_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    /// <summary>Whether the test hosts run on PostgreSQL instead of SQLite.</summary>
    public static bool HostsOnPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("NORMALIZER_TEST_STORE"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server's connection string; fails when none is configured.</summary>
    public static string RequiredServer => Server ?? throw new InvalidOperationException(
        "NORMALIZER_TEST_POSTGRES is not set: start a cluster with `eval \"$(scripts/postgres.sh start DIR)\"` (.ci/run does)");

    /// <summary>Creates the database <paramref name="name"/> (lower-case letters, digits, _) unless it exists; returns its connection string.</summary>
    public static string Create(string name)
    {
        using (var connection = new NpgsqlConnection(RequiredServer))
        {
            connection.Open();
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                create.ExecuteNonQuery();
            }
        }

        return new NpgsqlConnectionStringBuilder(RequiredServer) { Database = name }.ToString();
    }

    /// <summary>Drops the database <paramref name="name"/>, closing its connections.</summary>
    public static void Drop(string name)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(RequiredServer);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    /// <summary>A database name for a test directory or id.</summary>
    public static string NameFor(string key) =>
        "n_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..24];
}
