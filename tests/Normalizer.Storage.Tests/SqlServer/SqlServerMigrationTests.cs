using Normalizer.Storage.Dialects;

namespace Normalizer.Storage.Tests.SqlServer;

public sealed class SqlServerMigrationTests
{
    public static TheoryData<int> Versions => [.. MigrationRunner.For(SqlServerDialect.Instance.Name).Select(m => m.Version)];

    [Theory]
    [MemberData(nameof(Versions))]
    public void Migration_ParsesAsOneBatch(int version)
    {
        TSql.AssertParses(MigrationRunner.For(SqlServerDialect.Instance.Name).Single(m => m.Version == version).Sql);
    }

    [Fact]
    public void Migrations_CreateEveryTableOfThePostgresSchema()
    {
        var tables = Tables(OnConflictDialect.Postgres.Name);

        Assert.NotEmpty(tables);
        Assert.Equal(tables, Tables(SqlServerDialect.Instance.Name));
    }

    [Fact]
    public void MigrationsTable_ParsesAndIsCreatedOnlyWhenMissing()
    {
        var sql = SqlServerDialect.Instance.CreateMigrationsTable;

        TSql.AssertParses(sql);
        Assert.StartsWith("IF OBJECT_ID(N'schema_migrations', N'U') IS NULL CREATE TABLE schema_migrations (", sql, StringComparison.Ordinal);
    }

    private static string[] Tables(string dialect) =>
    [
        .. MigrationRunner.For(dialect)
            .SelectMany(m => System.Text.RegularExpressions.Regex.Matches(m.Sql, @"CREATE TABLE (\w+)").Select(match => match.Groups[1].Value))
            .Order(StringComparer.Ordinal),
    ];
}
