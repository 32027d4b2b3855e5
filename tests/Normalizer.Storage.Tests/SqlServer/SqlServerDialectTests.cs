using Normalizer.Storage.Dialects;

namespace Normalizer.Storage.Tests.SqlServer;

public sealed class SqlServerDialectTests
{
    private static readonly SqlServerDialect Sut = SqlServerDialect.Instance;

    [Fact]
    public void InsertIfAbsent_ParsesAndLocksTheKeyItChecks()
    {
        var sql = Sut.InsertIfAbsent("data_protection_keys", "name, xml", "@name, @xml", "name");

        TSql.AssertParses(sql);
        Assert.EndsWith("WHERE NOT EXISTS (SELECT 1 FROM data_protection_keys WITH (UPDLOCK, HOLDLOCK) WHERE name = @name)", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void InsertIfAbsent_SeveralKeyColumns_MatchesEachWithItsValue()
    {
        var sql = Sut.InsertIfAbsent("templates", "name, locale, body", "@n, @l, @b", "locale, name");

        TSql.AssertParses(sql);
        Assert.Contains("WHERE locale = @l AND name = @n)", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void InsertIfAbsentReturning_ParsesOutputsTheIdAndLocksTheKeyItChecks()
    {
        var sql = Sut.InsertIfAbsentReturning("events", "id, body", "@Id, @Body", "id", "seq");

        TSql.AssertParses(sql);
        Assert.Equal(
            "INSERT INTO events (id, body) OUTPUT INSERTED.seq SELECT @Id, @Body WHERE NOT EXISTS (SELECT 1 FROM events WITH (UPDLOCK, HOLDLOCK) WHERE id = @Id)",
            sql);
    }

    [Fact]
    public void InsertReturning_ParsesAndOutputsTheId()
    {
        var sql = Sut.InsertReturning("inbox", "received_at, body", "@received_at, @body", "id");

        TSql.AssertParses(sql);
        Assert.Equal("INSERT INTO inbox (received_at, body) OUTPUT INSERTED.id VALUES (@received_at, @body)", sql);
    }

    [Fact]
    public void Limit_Parses_AlsoInsideAnInSubquery()
    {
        var limited = Sut.Limit("SELECT id FROM inbox ORDER BY id", "@n");

        TSql.AssertParses(limited);
        TSql.AssertParses($"DELETE FROM inbox WHERE id IN ({limited})");
        Assert.Equal("SELECT id FROM inbox ORDER BY id OFFSET 0 ROWS FETCH NEXT @n ROWS ONLY", limited);
    }

    [Fact]
    public void InList_ParsesOnceDapperExpandsTheList()
    {
        var sql = Sut.InList("page_id", "@ids");

        Assert.Equal("page_id IN @ids", sql);
        TSql.AssertParses("SELECT seq FROM events WHERE " + sql.Replace("@ids", "(@ids1, @ids2)", StringComparison.Ordinal));
    }

    [Fact]
    public void SelectForClaim_ParsesAndSkipsLockedRows()
    {
        var sql = Sut.SelectForClaim("partition", "delivery_cursors", "subscription_id = @s");

        TSql.AssertParses($"UPDATE delivery_cursors SET lease_owner = @owner WHERE partition IN ({sql})");
        Assert.Contains("WITH (UPDLOCK, READPAST, ROWLOCK)", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Upsert_IsAMergeOfTheOfferedRowAsExcluded()
    {
        var sql = Sut.Upsert("contacts", "id, scoped_id, scope_id, is_active, last_seen", "@Id, @ScopedId, @ScopeId, 1, @Seen", "scoped_id, scope_id",
            "last_seen = CASE WHEN excluded.last_seen > contacts.last_seen THEN excluded.last_seen ELSE contacts.last_seen END");

        TSql.AssertParses(sql);
        Assert.StartsWith(
            "MERGE INTO contacts WITH (HOLDLOCK) USING (SELECT @Id AS id, @ScopedId AS scoped_id, @ScopeId AS scope_id, 1 AS is_active, @Seen AS last_seen) " +
            "AS excluded ON contacts.scoped_id = excluded.scoped_id AND contacts.scope_id = excluded.scope_id", sql, StringComparison.Ordinal);
        Assert.EndsWith(
            "WHEN NOT MATCHED THEN INSERT (id, scoped_id, scope_id, is_active, last_seen) " +
            "VALUES (excluded.id, excluded.scoped_id, excluded.scope_id, excluded.is_active, excluded.last_seen);", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Upsert_ColumnsAndValuesOfDifferentCounts_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Sut.Upsert("t", "a, b", "@a", "a", "b = excluded.b"));

        Assert.Equal("values", error.ParamName);
    }

    [Fact]
    public void Savepoint_IsSaveTransaction_WithNoRelease()
    {
        TSql.AssertParses("BEGIN TRANSACTION; " + Sut.Savepoint("row") + "; ROLLBACK TRANSACTION row; COMMIT");
        Assert.Equal("SAVE TRANSACTION row", Sut.Savepoint("row"));
        Assert.Null(Sut.ReleaseSavepoint("row"));
    }

    [Fact]
    public void Parser_RefusesWhatTheOtherEnginesWrite()
    {
        Assert.NotEmpty(TSql.Errors(OnConflictDialect.Postgres.Limit("SELECT id FROM inbox ORDER BY id", "@n")));
        Assert.NotEmpty(TSql.Errors(OnConflictDialect.Postgres.InsertReturning("inbox", "body", "@body", "id")));
        Assert.NotEmpty(TSql.Errors(OnConflictDialect.Sqlite.CreateMigrationsTable));
        Assert.NotEmpty(TSql.Errors("CREATE TABLE t (key BIGINT NOT NULL)"));
    }
}
