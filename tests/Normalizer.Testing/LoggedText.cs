using System.Globalization;
using Microsoft.Extensions.Logging.Testing;

namespace Normalizer.Testing;

/// <summary>
/// What a <see cref="FakeLogCollector"/> holds, as text a log sink could write: the formatted message, every
/// structured value (a JSON sink writes them even when the template does not show them), scopes and exceptions.
/// </summary>
public static class LoggedText
{
    /// <summary>One line per record, in the order they were logged.</summary>
    public static IReadOnlyList<string> Lines(this FakeLogCollector logs) => [.. logs.GetSnapshot().Select(Render)];

    /// <summary>The values of <paramref name="secrets"/> that appear anywhere in the collected records.</summary>
    public static IReadOnlyList<string> FindAny(this FakeLogCollector logs, IEnumerable<string> secrets)
    {
        var text = string.Join('\n', logs.Lines());
        return [.. secrets.Where(s => s.Length > 0 && text.Contains(s, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Fails showing the offending records with the secrets masked when any value of <paramref name="secrets"/> was logged.</summary>
    public static void AssertNoneOf(this FakeLogCollector logs, IEnumerable<string> secrets)
    {
        var all = secrets.Where(s => s.Length > 0).ToList();
        var leaks = logs.GetSnapshot()
            .Select(Render)
            .Where(line => all.Any(s => line.Contains(s, StringComparison.Ordinal)))
            .Select(line => all.Aggregate(line, (masked, s) => masked.Replace(s, "***", StringComparison.Ordinal)))
            .ToList();
        Xunit.Assert.True(leaks.Count == 0, $"a configured secret was logged (masked here as ***):\n{string.Join("\n", leaks)}");
    }

    private static string Render(FakeLogRecord record)
    {
        var parts = new List<string> { $"{record.Level} {record.Category}: {record.Message}" };
        if (record.StructuredState is { } state)
        {
            parts.AddRange(state.Select(p => $"{p.Key}={p.Value}"));
        }

        foreach (var scope in record.Scopes)
        {
            parts.Add(scope is IEnumerable<KeyValuePair<string, object?>> values
                ? string.Join(' ', values.Select(v => $"{v.Key}={Convert.ToString(v.Value, CultureInfo.InvariantCulture)}"))
                : Convert.ToString(scope, CultureInfo.InvariantCulture) ?? "");
        }

        if (record.Exception is { } exception)
        {
            parts.Add(exception.ToString());
        }

        return string.Join(' ', parts);
    }
}
