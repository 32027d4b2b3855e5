using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Normalizer.Host.Options;

/// <summary>
/// Fails the start when <c>Normalizer:Storage</c> names no provider of this build or an unreadable connection string;
/// the connection string itself is never printed (it may hold a password).
/// </summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public const string Sqlite = "sqlite";

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!string.Equals(options.Provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{StorageOptions.Section}:{nameof(StorageOptions.Provider)} must be '{Sqlite}', the only provider in this build");
        }
        else if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)} is empty");
        }
        else if (!IsSqlite(options.ConnectionString))
        {
            failures.Add($"{StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)} is not a valid SQLite connection string (e.g. Data Source=data/normalizer.db)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsSqlite(string connectionString)
    {
        try
        {
            _ = new SqliteConnectionStringBuilder(connectionString);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            return false;
        }
    }
}
