namespace Normalizer.Storage.Dialects;

/// <summary>SQLite 3.35+ (the bundled SQLitePCLRaw build): ON CONFLICT DO NOTHING, RETURNING, LIMIT.</summary>
public sealed class SqliteDialect : ISqlDialect
{
    /// <inheritdoc />
    public string Name => "sqlite";

    /// <inheritdoc />
    public string InsertIfAbsent(string table, string columns, string values, string conflictColumns) =>
        $"INSERT INTO {table} ({columns}) VALUES ({values}) ON CONFLICT ({conflictColumns}) DO NOTHING";

    /// <inheritdoc />
    public string InsertReturning(string table, string columns, string values, string idColumn) =>
        $"INSERT INTO {table} ({columns}) VALUES ({values}) RETURNING {idColumn}";

    /// <inheritdoc />
    public string Limit(string selectOrdered, string limitParameter) => $"{selectOrdered} LIMIT {limitParameter}";
}
