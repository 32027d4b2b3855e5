using Microsoft.Extensions.Options;

namespace Normalizer.Host.Options;

/// <summary>Fails the start when <c>Normalizer:ApiKeys</c> or the failed-attempt limit is unusable; never prints a key.</summary>
internal sealed class NormalizerOptionsValidator : IValidateOptions<NormalizerOptions>
{
    public ValidateOptionsResult Validate(string? name, NormalizerOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            SecretRules.Check(options.ApiKeys[i], $"{NormalizerOptions.Section}:{nameof(NormalizerOptions.ApiKeys)}:{i}", failures);
        }

        if (options.ApiKeyFailureLimit is < 1 or > 100_000)
        {
            failures.Add($"{NormalizerOptions.Section}:{nameof(NormalizerOptions.ApiKeyFailureLimit)} must be 1–100000");
        }

        if (options.ApiKeyFailureWindow < TimeSpan.FromSeconds(1) || options.ApiKeyFailureWindow > TimeSpan.FromDays(1))
        {
            failures.Add($"{NormalizerOptions.Section}:{nameof(NormalizerOptions.ApiKeyFailureWindow)} must be between one second and one day");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
