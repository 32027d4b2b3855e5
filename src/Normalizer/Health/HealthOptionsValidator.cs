using Microsoft.Extensions.Options;

namespace Normalizer.Health;

/// <summary>Fails the start when <c>Normalizer:Health</c> is out of range, naming the key.</summary>
internal sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options)
    {
        var failures = new List<string>();
        if (options.MaxInboxLag <= TimeSpan.Zero)
        {
            failures.Add($"{HealthOptions.Section}:MaxInboxLag must be above zero");
        }

        if (options.StallAfter <= TimeSpan.Zero)
        {
            failures.Add($"{HealthOptions.Section}:StallAfter must be above zero");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
