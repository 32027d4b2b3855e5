namespace Normalizer.Host.Tests;

/// <summary>A fact that needs a SQL Server (<see cref="TestSqlServer.Server"/>): skipped, saying so, when none is configured.</summary>
public sealed class SqlServerFactAttribute : FactAttribute
{
    public SqlServerFactAttribute()
    {
        if (TestSqlServer.Server is null)
        {
            Skip = TestSqlServer.NoServer;
        }
    }
}
