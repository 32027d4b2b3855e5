namespace Normalizer.Storage.Tests.SqlServer;

/// <summary>A fact that needs a SQL Server (<see cref="SqlServerTestDatabase"/>): skipped, saying so, when none is configured.</summary>
public sealed class SqlServerFactAttribute : FactAttribute
{
    public SqlServerFactAttribute()
    {
        if (SqlServerTestDatabase.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
