namespace Normalizer.Host.Tests;

/// <summary>
/// A test that needs a PostgreSQL server of its own choosing (several hosts on one database): it runs where
/// <c>NORMALIZER_TEST_POSTGRES</c> is set (scripts/test.sh and CI set it) and says why it did not run elsewhere. Tag such tests
/// <c>[Trait("Store", "postgres")]</c>: they run once, not again in the pass that puts every test host on PostgreSQL.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.Server is null)
        {
            Skip = "needs a PostgreSQL server: set NORMALIZER_TEST_POSTGRES (scripts/test.sh starts a private cluster and sets it)";
        }
    }
}
