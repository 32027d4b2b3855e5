using Microsoft.Extensions.Options;

namespace Normalizer.Storage;

/// <summary>Fails the start when <c>Normalizer:Retention</c> is out of range, naming the key.</summary>
internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var failures = new List<string>();
        foreach (var (key, value) in new[]
                 {
                     (nameof(options.Inbox), options.Inbox), (nameof(options.Events), options.Events),
                     (nameof(options.Deliveries), options.Deliveries), (nameof(options.Quarantine), options.Quarantine),
                 })
        {
            if (value < TimeSpan.Zero)
            {
                failures.Add($"{RetentionOptions.Section}:{key} must be zero (keep for ever) or above");
            }
        }

        if (options.Interval <= TimeSpan.Zero)
        {
            failures.Add($"{RetentionOptions.Section}:Interval must be above zero");
        }

        if (options.BatchSize is < 1 or > 100_000)
        {
            failures.Add($"{RetentionOptions.Section}:BatchSize must be 1–100000");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
