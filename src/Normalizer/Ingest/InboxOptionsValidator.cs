using Microsoft.Extensions.Options;

namespace Normalizer.Ingest;

/// <summary>Fails the start when <c>Normalizer:Inbox</c> is out of range, naming the key.</summary>
internal sealed class InboxOptionsValidator : IValidateOptions<InboxOptions>
{
    public ValidateOptionsResult Validate(string? name, InboxOptions options)
    {
        var failures = new List<string>();
        if (options.MaxAttempts is < 1 or > 100)
        {
            failures.Add($"{InboxOptions.Section}:MaxAttempts must be 1–100");
        }

        if (options.RowTimeBudget <= TimeSpan.Zero)
        {
            failures.Add($"{InboxOptions.Section}:RowTimeBudget must be above zero");
        }

        if (options.MaxEventsPerRow < 1)
        {
            failures.Add($"{InboxOptions.Section}:MaxEventsPerRow must be at least 1");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
