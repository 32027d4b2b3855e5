using Microsoft.Extensions.Options;

namespace Normalizer.Sending;

/// <summary>
/// Fails the start when <c>Normalizer:Send</c> is out of range, naming the key: otherwise a bad delay would only show
/// when the retry pipeline is built, as a failure of every send.
/// </summary>
internal sealed class SendOptionsValidator : IValidateOptions<SendOptions>
{
    // Polly's retry strategy accepts delays up to one day.
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, SendOptions options)
    {
        var failures = new List<string>();
        if (options.MaxAttempts is < 1 or > 100)
        {
            failures.Add($"{SendOptions.Section}:{nameof(SendOptions.MaxAttempts)} must be 1–100");
        }

        if (options.BaseDelay <= TimeSpan.Zero || options.BaseDelay > OneDay)
        {
            failures.Add($"{SendOptions.Section}:{nameof(SendOptions.BaseDelay)} must be above zero and at most one day");
        }

        if (options.MaxDelay < options.BaseDelay || options.MaxDelay > OneDay)
        {
            failures.Add($"{SendOptions.Section}:{nameof(SendOptions.MaxDelay)} must be at least BaseDelay and at most one day");
        }

        if (options.PermitsPerSecond is < 1 or > 100_000)
        {
            failures.Add($"{SendOptions.Section}:{nameof(SendOptions.PermitsPerSecond)} must be 1–100000");
        }

        if (options.StandardWindow <= TimeSpan.Zero)
        {
            failures.Add($"{SendOptions.Section}:{nameof(SendOptions.StandardWindow)} must be above zero");
        }

        if (options.HumanAgentWindow <= TimeSpan.Zero)
        {
            failures.Add($"{SendOptions.Section}:{nameof(SendOptions.HumanAgentWindow)} must be above zero");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
