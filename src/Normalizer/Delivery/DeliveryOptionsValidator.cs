using Microsoft.Extensions.Options;

namespace Normalizer.Delivery;

/// <summary>Fails the start when <c>Normalizer:Delivery</c> is out of range, naming the key.</summary>
internal sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var failures = new List<string>();
        if (options.MaxAttempts is < 1 or > 100)
        {
            failures.Add($"{DeliveryOptions.Section}:MaxAttempts must be 1–100");
        }

        if (options.BaseDelay <= TimeSpan.Zero || options.BaseDelay > OneDay)
        {
            failures.Add($"{DeliveryOptions.Section}:BaseDelay must be above zero and at most one day");
        }

        if (options.MaxDelay < options.BaseDelay || options.MaxDelay > OneDay)
        {
            failures.Add($"{DeliveryOptions.Section}:MaxDelay must be at least BaseDelay and at most one day");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{DeliveryOptions.Section}:Timeout must be above zero");
        }

        if (options.MaxConcurrency is < 1 or > 1024)
        {
            failures.Add($"{DeliveryOptions.Section}:MaxConcurrency must be 1–1024");
        }

        if (options.Partitions is < 1 or > 1024)
        {
            failures.Add($"{DeliveryOptions.Section}:Partitions must be 1–1024");
        }

        if (options.BatchSize is < 1 or > 10_000)
        {
            failures.Add($"{DeliveryOptions.Section}:BatchSize must be 1–10000");
        }

        if (options.LeaseDuration < TimeSpan.FromSeconds(1) || options.LeaseDuration > OneDay)
        {
            failures.Add($"{DeliveryOptions.Section}:LeaseDuration must be at least one second and at most one day");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add($"{DeliveryOptions.Section}:PollInterval must be above zero");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
