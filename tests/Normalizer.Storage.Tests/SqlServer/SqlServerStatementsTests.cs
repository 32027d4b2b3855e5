using Normalizer.Storage.Dialects;
using Normalizer.Storage.Tests.SqlServer.Recording;

namespace Normalizer.Storage.Tests.SqlServer;

/// <summary>Every statement the stores send on the SQL Server dialect is T-SQL the server would parse.</summary>
public sealed class SqlServerStatementsTests
{
    // Each store with the number of different statements its methods send at least (all of them reached, not only the first).
    public static TheoryData<string, int> Stores => new()
    {
        { "SqlEventSink+SqlDedupStore+StoreSession", 6 }, { "SqlInbox+InboxWriter", 5 }, { "SqlEventStore", 4 }, { "SqlQuarantine", 2 },
        { "SqlSubscriptionStore", 5 }, { "SqlDeliveryStore", 24 }, { "SqlContactStore", 9 }, { "SqlConversationStore", 1 },
        { "SqlPendingSendStore", 4 }, { "SqlPageTokenStore", 4 }, { "SqlTemplateStore", 4 }, { "RetentionPruner", 8 }, { "MigrationRunner", 5 },
        { "StoreXmlRepository", 2 },
    };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task EveryStatementOfTheStore_ParsesAsTSql(string store, int atLeast)
    {
        var recording = new RecordingStore();

        await StoreExercises.All[store](recording);

        var statements = recording.Log.Statements.Distinct(StringComparer.Ordinal).ToList();
        Assert.True(statements.Count >= atLeast, $"{store} sent {statements.Count} different statements, expected at least {atLeast}");
        Assert.All(statements, TSql.AssertParses);
    }

    [Fact]
    public void EveryExercisedStore_IsChecked()
    {
        Assert.Equal(StoreExercises.All.Keys.Order(StringComparer.Ordinal), Stores.Select(row => (string)row[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AStatementWrittenForAnotherEngine_FailsTheCheck()
    {
        var recording = new RecordingStore(new LimitFromPostgres());

        await StoreExercises.All["SqlEventStore"](recording);

        Assert.Contains(recording.Log.Statements, s => s.Contains(" LIMIT @Limit", StringComparison.Ordinal) && TSql.Errors(s).Count > 0);
    }

    // The SQL Server dialect with PostgreSQL's LIMIT.
    private sealed class LimitFromPostgres : ISqlDialect
    {
        private readonly ISqlDialect _tsql = SqlServerDialect.Instance;

        public string Name => _tsql.Name;

        public string CreateMigrationsTable => _tsql.CreateMigrationsTable;

        public string InsertIfAbsent(string table, string columns, string values, string conflictColumns) =>
            _tsql.InsertIfAbsent(table, columns, values, conflictColumns);

        public string InsertIfAbsentReturning(string table, string columns, string values, string conflictColumns, string idColumn) =>
            _tsql.InsertIfAbsentReturning(table, columns, values, conflictColumns, idColumn);

        public string InsertReturning(string table, string columns, string values, string idColumn) => _tsql.InsertReturning(table, columns, values, idColumn);

        public string InList(string column, string listParameter) => _tsql.InList(column, listParameter);

        public string SelectForClaim(string columns, string table, string where) => _tsql.SelectForClaim(columns, table, where);

        public string Limit(string selectOrdered, string limitParameter) => OnConflictDialect.Postgres.Limit(selectOrdered, limitParameter);

        public string Upsert(string table, string columns, string values, string conflictColumns, string updateSet) =>
            _tsql.Upsert(table, columns, values, conflictColumns, updateSet);

        public string Savepoint(string name) => _tsql.Savepoint(name);

        public string? ReleaseSavepoint(string name) => _tsql.ReleaseSavepoint(name);
    }
}
