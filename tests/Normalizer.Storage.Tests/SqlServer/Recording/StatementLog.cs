using System.Collections.Concurrent;
using System.Data;

namespace Normalizer.Storage.Tests.SqlServer.Recording;

/// <summary>
/// Every command text run on the recording connections, and what they answer: by default no row, 0 rows changed and a
/// NULL scalar; a statement containing a text given to <see cref="Answer"/> gets that table (its first cell as scalar).
/// </summary>
internal sealed class StatementLog
{
    private readonly ConcurrentQueue<string> _statements = new();
    private readonly List<(string Contains, DataTable Rows)> _answers = [];

    public IReadOnlyList<string> Statements => [.. _statements];

    /// <summary>Answers the statements containing <paramref name="contains"/> with one row of <paramref name="values"/> (columns named by <paramref name="columns"/>).</summary>
    public StatementLog Answer(string contains, string[] columns, params object[] values)
    {
        var table = new DataTable();
        for (var i = 0; i < columns.Length; i++)
        {
            table.Columns.Add(columns[i], values[i] is DBNull ? typeof(long) : values[i].GetType());
        }

        table.Rows.Add(values);
        _answers.Add((contains, table));
        return this;
    }

    public DataTable Run(string sql)
    {
        _statements.Enqueue(sql);
        return _answers.FirstOrDefault(a => sql.Contains(a.Contains, StringComparison.Ordinal)).Rows ?? new DataTable();
    }
}
