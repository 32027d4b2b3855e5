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

    /// <summary>An INSERT that returns the generated <paramref name="idColumn"/>.</summary>
    string InsertReturning(string table, string columns, string values, string idColumn);

    /// <summary><paramref name="selectOrdered"/> (a SELECT with ORDER BY) limited to <paramref name="limitParameter"/> rows.</summary>
    string Limit(string selectOrdered, string limitParameter);
}
