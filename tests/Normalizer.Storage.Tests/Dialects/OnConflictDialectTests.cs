using Normalizer.Storage.Dialects;

namespace Normalizer.Storage.Tests.Dialects;

/// <summary>SQLite and PostgreSQL keep the statements they ran before the dialect wrote them.</summary>
public sealed class OnConflictDialectTests
{
    public static TheoryData<string> Names => [OnConflictDialect.Sqlite.Name, OnConflictDialect.Postgres.Name];

    [Theory]
    [MemberData(nameof(Names))]
    public void Upsert_IsInsertOnConflictDoUpdate(string name)
    {
        var sut = name == OnConflictDialect.Sqlite.Name ? OnConflictDialect.Sqlite : OnConflictDialect.Postgres;

        var sql = sut.Upsert("conversations", "id, platform, page_id, user_id, last_inbound_at, last_event_at",
            "@Id, @Platform, @PageId, @UserId, @Inbound, @At", "id", """
                last_event_at = CASE WHEN excluded.last_event_at > conversations.last_event_at
                                     THEN excluded.last_event_at ELSE conversations.last_event_at END
            """);

        Assert.Equal("""
            INSERT INTO conversations (id, platform, page_id, user_id, last_inbound_at, last_event_at)
            VALUES (@Id, @Platform, @PageId, @UserId, @Inbound, @At)
            ON CONFLICT (id) DO UPDATE SET
                last_event_at = CASE WHEN excluded.last_event_at > conversations.last_event_at
                                     THEN excluded.last_event_at ELSE conversations.last_event_at END
            """, sql);
    }

    [Fact]
    public void MigrationsTableAndSavepoints_AreTheStatementsOfBefore()
    {
        Assert.Equal("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)",
            OnConflictDialect.Postgres.CreateMigrationsTable);
        Assert.Equal("SAVEPOINT row", OnConflictDialect.Sqlite.Savepoint("row"));
        Assert.Equal("RELEASE SAVEPOINT row", OnConflictDialect.Sqlite.ReleaseSavepoint("row"));
    }
}
