using Npgsql;

namespace Normalizer.Testing.Databases;

/// <summary>
/// The PostgreSQL server of the tests: the one <c>NORMALIZER_TEST_POSTGRES</c> names (scripts/test.sh and CI start a
/// private cluster and set it), or else a private cluster this test process starts on first use with
/// <c>scripts/postgres.sh</c> and stops when it exits. Each store gets a database of its own, created empty and dropped
/// after. The store's contract runs on it when <c>NORMALIZER_TEST_POSTGRES</c> is set; with <c>NORMALIZER_TEST_STORE=postgres</c>,
/// every test host runs on it too.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<string> Started = new(StartCluster);

    /// <summary>Whether the test hosts run on PostgreSQL instead of SQLite.</summary>
    public static bool HostsOnPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("NORMALIZER_TEST_STORE"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server <c>NORMALIZER_TEST_POSTGRES</c> names, or null when none is configured.</summary>
    public static string? Configured =>
        Environment.GetEnvironmentVariable("NORMALIZER_TEST_POSTGRES") is { Length: > 0 } configured ? configured : null;

    /// <summary>The server's connection string (a cluster is started for this process when none is configured).</summary>
    public static string Server => Configured ?? Started.Value;

    /// <summary>Creates the database <paramref name="name"/> (lower-case letters, digits, _) unless it exists; returns its connection string.</summary>
    public static string Create(string name)
    {
        using (var connection = new NpgsqlConnection(Server))
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

        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ToString();
    }

    /// <summary>Drops the database <paramref name="name"/>, closing its connections.</summary>
    public static void Drop(string name)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    /// <summary>A database name for a test directory or id.</summary>
    public static string NameFor(string key) =>
        "n_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..24];

    // scripts/postgres.sh prints "export NORMALIZER_TEST_POSTGRES='…'" once the server accepts connections.
    private static string StartCluster()
    {
        var directory = Directory.CreateTempSubdirectory("normalizer-test-pg-").FullName;
        var script = Path.Combine(RepoPaths.Root, "scripts", "postgres.sh");
        var printed = RunScript(script, "start", directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RunScript(script, "stop", directory);
        var start = printed.IndexOf('\'', StringComparison.Ordinal);
        var end = printed.LastIndexOf('\'');
        return start >= 0 && end > start
            ? printed[(start + 1)..end]
            : throw new InvalidOperationException($"scripts/postgres.sh start printed no connection string: {printed}");
    }

    private static string RunScript(string script, string command, string directory)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash")
        {
            ArgumentList = { script, command, directory }, RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"scripts/postgres.sh {command} failed: {error}");
    }
}
