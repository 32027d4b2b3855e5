namespace Normalizer.Storage;

/// <summary>
/// The SQL that differs between engines (pure strings). Repositories write shared SQL themselves and ask
/// the dialect only for these fragments, so a new engine is a new dialect plus its migrations.
/// </summary>
public interface ISqlDialect
{
    /// <summary>Engine name, also the folder of its migrations (<c>sqlite</c>, <c>postgres</c>, <c>sqlserver</c>).</summary>
    string Name { get; }

    /// <summary>An INSERT that silently does nothing when <paramref name="conflictColumns"/> already exist.</summary>
    string InsertIfAbsent(string table, string columns, string values, string conflictColumns);

    /// <summary>
    /// An INSERT that returns the generated <paramref name="idColumn"/>, or no row when <paramref name="conflictColumns"/>
    /// already exist (insert-first deduplication: the unique key decides, even between hosts). Run it through
    /// <see cref="IPreparedCommand.ExecuteInt64Async"/>, which reads the id where an engine does not return it as a row (SQLite).
    /// </summary>
    string InsertIfAbsentReturning(string table, string columns, string values, string conflictColumns, string idColumn);

    /// <summary>An INSERT that returns the generated <paramref name="idColumn"/> (through <see cref="IPreparedCommand.ExecuteInt64Async"/>).</summary>
    string InsertReturning(string table, string columns, string values, string idColumn);

    /// <summary>
    /// <paramref name="column"/> is one of the values of the list parameter <paramref name="listParameter"/> (Dapper passes a
    /// list as an array where the engine has arrays, and expands it to <c>(@p1, @p2, …)</c> where it does not).
    /// </summary>
    string InList(string column, string listParameter);

    /// <summary>
    /// A SELECT of the rows of <paramref name="table"/> matching <paramref name="where"/> that no other transaction holds,
    /// locking them for this one (a claim): rows another host is claiming at the same moment are skipped, not waited for.
    /// </summary>
    string SelectForClaim(string columns, string table, string where);

    /// <summary><paramref name="selectOrdered"/> (a SELECT with ORDER BY) limited to <paramref name="limitParameter"/> rows.</summary>
    string Limit(string selectOrdered, string limitParameter);

    /// <summary>
    /// An INSERT of <paramref name="values"/> into <paramref name="columns"/> that, when a row with the same
    /// <paramref name="conflictColumns"/> exists, updates it instead with <paramref name="updateSet"/> (assignments
    /// <c>column = expression</c>, where <c>excluded.column</c> is the value offered and <c>table.column</c> the stored one).
    /// </summary>
    string Upsert(string table, string columns, string values, string conflictColumns, string updateSet);

    /// <summary>Creates <c>schema_migrations</c> (version, applied_at) unless it exists.</summary>
    string CreateMigrationsTable { get; }

    /// <summary>Marks the savepoint <paramref name="name"/> in the open transaction.</summary>
    string Savepoint(string name);

    /// <summary>Forgets the savepoint <paramref name="name"/>, or null where the engine has no such statement (nothing to run).</summary>
    string? ReleaseSavepoint(string name);
}
