using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Normalizer.Host.Options;

/// <summary>
/// Fails the start when <c>Normalizer:Storage</c> names no provider of this build or an unreadable connection string;
/// the connection string itself is never printed (it may hold a password).
/// </summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string SqlServer = "sqlserver";

    private static readonly string[] Providers = [Sqlite, Postgres, SqlServer];

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var provider = Providers.FirstOrDefault(p => string.Equals(p, options.Provider, StringComparison.OrdinalIgnoreCase));
        string? failure = null;
        if (provider is null)
        {
            failure = $"{StorageOptions.Section}:{nameof(StorageOptions.Provider)} must be one of: {string.Join(", ", Providers)}";
        }
        else if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failure = $"{StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)} is empty";
        }
        else if (!IsReadable(provider, options.ConnectionString))
        {
            failure = $"{StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)} is not a valid {provider} connection string (e.g. " +
                Example(provider) + ")";
        }

        return failure is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failure);
    }

    private static string Example(string provider) => provider switch
    {
        Sqlite => "Data Source=data/normalizer.db",
        Postgres => "Host=db.internal;Database=normalizer;Username=normalizer;Password=…",
        _ => "Server=db.internal;Database=normalizer;User ID=normalizer;Password=…;Encrypt=True",
    };

    private static bool IsReadable(string provider, string connectionString)
    {
        try
        {
            DbConnectionStringBuilder _ = provider switch
            {
                Sqlite => new SqliteConnectionStringBuilder(connectionString),
                Postgres => new NpgsqlConnectionStringBuilder(connectionString),
                _ => new SqlConnectionStringBuilder(connectionString),
            };
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return false;
        }
    }
}
