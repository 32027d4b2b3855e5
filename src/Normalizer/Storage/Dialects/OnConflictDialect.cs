namespace Normalizer.Storage.Dialects;

/// <summary>
/// The engines that share PostgreSQL's syntax for these fragments: ON CONFLICT DO NOTHING, RETURNING, LIMIT (SQLite 3.35+,
/// the bundled SQLitePCLRaw build; PostgreSQL 12+). They differ in name, which picks the migrations, in lists (PostgreSQL takes an array) and in row locks (SQLite has
/// one writer and none), and in how an insert returns its generated id: PostgreSQL with RETURNING; SQLite without it, as the
/// rowid its prepared command reads after the insert (SQLite runs every RETURNING through a temporary table of its own, a
/// cost per row on the hottest inserts; the id column must then be the table's INTEGER PRIMARY KEY).
/// </summary>
public sealed class OnConflictDialect : ISqlDialect
{
    /// <summary>SQLite.</summary>
    public static readonly OnConflictDialect Sqlite = new("sqlite", arrays: false, returning: false);

    /// <summary>PostgreSQL.</summary>
    public static readonly OnConflictDialect Postgres = new("postgres", arrays: true, returning: true);

    private readonly bool _arrays;
    private readonly bool _returning;

    private OnConflictDialect(string name, bool arrays, bool returning) => (Name, _arrays, _returning) = (name, arrays, returning);

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string InsertIfAbsent(string table, string columns, string values, string conflictColumns) =>
        $"INSERT INTO {table} ({columns}) VALUES ({values}) ON CONFLICT ({conflictColumns}) DO NOTHING";

    /// <inheritdoc />
    public string InsertIfAbsentReturning(string table, string columns, string values, string conflictColumns, string idColumn) =>
        InsertIfAbsent(table, columns, values, conflictColumns) + Returning(idColumn);

    /// <inheritdoc />
    public string InsertReturning(string table, string columns, string values, string idColumn) =>
        $"INSERT INTO {table} ({columns}) VALUES ({values})" + Returning(idColumn);

    private string Returning(string idColumn) => _returning ? $" RETURNING {idColumn}" : "";

    /// <inheritdoc />
    public string InList(string column, string listParameter) => _arrays ? $"{column} = ANY({listParameter})" : $"{column} IN {listParameter}";

    /// <inheritdoc />
    public string SelectForClaim(string columns, string table, string where) =>
        $"SELECT {columns} FROM {table} WHERE {where}" + (_arrays ? " FOR UPDATE SKIP LOCKED" : "");

    /// <inheritdoc />
    public string Limit(string selectOrdered, string limitParameter) => $"{selectOrdered} LIMIT {limitParameter}";

    /// <inheritdoc />
    public string Upsert(string table, string columns, string values, string conflictColumns, string updateSet) =>
        $"INSERT INTO {table} ({columns})\nVALUES ({values})\nON CONFLICT ({conflictColumns}) DO UPDATE SET\n{updateSet}";

    /// <inheritdoc />
    public string CreateMigrationsTable =>
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)";

    /// <inheritdoc />
    public string Savepoint(string name) => "SAVEPOINT " + name;

    /// <inheritdoc />
    public string? ReleaseSavepoint(string name) => "RELEASE SAVEPOINT " + name;
}
