namespace Normalizer.Storage.Dialects;

/// <summary>
/// SQL Server (T-SQL, 2016+): OUTPUT INSERTED for generated ids, OFFSET/FETCH for limits, MERGE for upserts, table hints
/// for claims (UPDLOCK, READPAST) and for inserts that must not race (UPDLOCK, HOLDLOCK), SAVE TRANSACTION for savepoints.
/// </summary>
public sealed class SqlServerDialect : ISqlDialect
{
    /// <summary>The dialect (it holds no state).</summary>
    public static readonly SqlServerDialect Instance = new();

    private SqlServerDialect()
    {
    }

    /// <inheritdoc />
    public string Name => "sqlserver";

    /// <inheritdoc />
    public string CreateMigrationsTable =>
        "IF OBJECT_ID(N'schema_migrations', N'U') IS NULL CREATE TABLE schema_migrations (version BIGINT NOT NULL PRIMARY KEY, applied_at NVARCHAR(64) NOT NULL)";

    /// <inheritdoc />
    public string InsertIfAbsent(string table, string columns, string values, string conflictColumns)
    {
        var pairs = Pairs(columns, values);
        var match = string.Join(" AND ", Split(conflictColumns).Select(c => $"{c} = {pairs.Single(p => p.Column == c).Value}"));
        return $"INSERT INTO {table} ({columns}) SELECT {values} WHERE NOT EXISTS (SELECT 1 FROM {table} WITH (UPDLOCK, HOLDLOCK) WHERE {match})";
    }

    /// <inheritdoc />
    public string InsertIfAbsentReturning(string table, string columns, string values, string conflictColumns, string idColumn)
    {
        var plain = InsertIfAbsent(table, columns, values, conflictColumns);
        var into = $"INSERT INTO {table} ({columns})";
        return $"{into} OUTPUT INSERTED.{idColumn}{plain[into.Length..]}";
    }

    /// <inheritdoc />
    public string InsertReturning(string table, string columns, string values, string idColumn) =>
        $"INSERT INTO {table} ({columns}) OUTPUT INSERTED.{idColumn} VALUES ({values})";

    /// <inheritdoc />
    public string InList(string column, string listParameter) => $"{column} IN {listParameter}";

    /// <inheritdoc />
    public string SelectForClaim(string columns, string table, string where) =>
        $"SELECT {columns} FROM {table} WITH (UPDLOCK, READPAST, ROWLOCK) WHERE {where}";

    /// <inheritdoc />
    public string Limit(string selectOrdered, string limitParameter) => $"{selectOrdered} OFFSET 0 ROWS FETCH NEXT {limitParameter} ROWS ONLY";

    /// <inheritdoc />
    /// <remarks>
    /// A MERGE whose source, the offered row, is aliased <c>excluded</c> and whose target keeps the table's name, so the
    /// assignments read as they do after ON CONFLICT; HOLDLOCK keeps two writers of one new key from both inserting.
    /// </remarks>
    public string Upsert(string table, string columns, string values, string conflictColumns, string updateSet)
    {
        var pairs = Pairs(columns, values);
        var source = string.Join(", ", pairs.Select(p => $"{p.Value} AS {p.Column}"));
        var match = string.Join(" AND ", Split(conflictColumns).Select(c => $"{table}.{c} = excluded.{c}"));
        return $"MERGE INTO {table} WITH (HOLDLOCK) USING (SELECT {source}) AS excluded ON {match}\n" +
            $"WHEN MATCHED THEN UPDATE SET\n{updateSet}\n" +
            $"WHEN NOT MATCHED THEN INSERT ({columns}) VALUES ({string.Join(", ", pairs.Select(p => "excluded." + p.Column))});";
    }

    /// <inheritdoc />
    public string Savepoint(string name) => "SAVE TRANSACTION " + name;

    /// <inheritdoc />
    public string? ReleaseSavepoint(string name) => null;

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    // Each column with its value, in order (values are simple: parameters and constants, no commas inside).
    private static (string Column, string Value)[] Pairs(string columns, string values)
    {
        var names = Split(columns);
        var expressions = Split(values);
        if (names.Length != expressions.Length)
        {
            throw new ArgumentException($"{names.Length} columns but {expressions.Length} values", nameof(values));
        }

        return [.. names.Zip(expressions)];
    }
}
