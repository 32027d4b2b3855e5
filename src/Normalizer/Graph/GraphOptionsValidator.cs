using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Normalizer.Graph;

/// <summary>Checks <see cref="GraphOptions"/> at start; failures name the key, never its value .</summary>
internal sealed partial class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        var failures = new List<string>();
        if (options.Version is null || !VersionPattern().IsMatch(options.Version))
        {
            failures.Add($"{GraphOptions.Section}:{nameof(GraphOptions.Version)} must be a Graph API version written like v25.0.");
        }

        GraphSection.CheckUrl(options.BaseUrl, nameof(GraphOptions.BaseUrl), failures);
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{GraphOptions.Section}:{nameof(GraphOptions.Timeout)} must be between 0 and 10 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // vNN.N as Meta writes it (Meta's Graph API versioning): v25.0, v9.0.
    [GeneratedRegex(@"^v[1-9][0-9]{0,2}\.[0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
