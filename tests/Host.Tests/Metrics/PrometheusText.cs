using System.Globalization;
using System.Text.RegularExpressions;

namespace Normalizer.Host.Tests.Metrics;

/// <summary>Reads samples out of the Prometheus text exposition format (<c>name{label="value",…} number</c>).</summary>
internal static partial class PrometheusText
{
    /// <summary>
    /// The sum of the samples of <paramref name="metric"/> whose labels match: a label given with a value must have it, one
    /// given with null must be absent. Null when no sample matches.
    /// </summary>
    public static double? Value(string text, string metric, params (string Name, string? Value)[] labels)
    {
        double? sum = null;
        foreach (var line in text.Split('\n'))
        {
            if (Sample().Match(line) is not { Success: true } sample || sample.Groups["name"].Value != metric)
            {
                continue;
            }

            var found = Label().Matches(sample.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            if (labels.All(l => l.Value is null ? !found.ContainsKey(l.Name) : found.GetValueOrDefault(l.Name) == l.Value))
            {
                sum = (sum ?? 0) + double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)""")]
    private static partial Regex Sample();

    [GeneratedRegex("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex Label();
}
