using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Normalizer.Storage.Tests.SqlServer;

/// <summary>The T-SQL parser of SQL Server 2022 (ScriptDom): what the server would refuse as syntax, offline.</summary>
internal static class TSql
{
    /// <summary>The parse errors of <paramref name="sql"/> as one batch (empty when it parses), each with its line and text.</summary>
    public static IReadOnlyList<string> Errors(string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return [.. errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}")];
    }

    /// <summary>Fails, quoting <paramref name="sql"/> and its errors, unless it parses.</summary>
    public static void AssertParses(string sql)
    {
        var errors = Errors(sql);
        Assert.True(errors.Count == 0, $"T-SQL parse errors:\n{string.Join('\n', errors)}\nin:\n{sql}");
    }
}
