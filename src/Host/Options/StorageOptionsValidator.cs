using System.Data.Common;
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

    private static readonly string[] Providers = [Sqlite, Postgres];

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
                (provider == Sqlite ? "Data Source=data/normalizer.db" : "Host=db.internal;Database=normalizer;Username=normalizer;Password=…") + ")";
        }

        return failure is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failure);
    }

    private static bool IsReadable(string provider, string connectionString)
    {
        try
        {
            DbConnectionStringBuilder _ = provider == Sqlite
                ? new SqliteConnectionStringBuilder(connectionString)
                : new NpgsqlConnectionStringBuilder(connectionString);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return false;
        }
    }
}
