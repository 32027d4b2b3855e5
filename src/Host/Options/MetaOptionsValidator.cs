using Microsoft.Extensions.Options;

namespace Normalizer.Host.Options;

/// <summary>Fails the start when <c>Normalizer:Meta</c> is unusable, naming the key, never its value (they are secrets).</summary>
internal sealed class MetaOptionsValidator : IValidateOptions<MetaOptions>
{
    /// <summary>Largest accepted <see cref="MetaOptions.MaxBodyBytes"/>: a body is held in memory while it is checked.</summary>
    public const int MaxBodyBytesLimit = 64 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, MetaOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.AppSecrets.Count; i++)
        {
            SecretRules.Check(options.AppSecrets[i], $"{MetaOptions.Section}:{nameof(MetaOptions.AppSecrets)}:{i}", failures);
        }

        // Empty is allowed: every handshake is then refused.
        if (options.VerifyToken is null || options.VerifyToken.Trim().Length != options.VerifyToken.Length)
        {
            failures.Add($"{MetaOptions.Section}:{nameof(MetaOptions.VerifyToken)} has leading or trailing whitespace");
        }

        if (options.MaxBodyBytes is < 1024 or > MaxBodyBytesLimit)
        {
            failures.Add($"{MetaOptions.Section}:{nameof(MetaOptions.MaxBodyBytes)} must be 1024–{MaxBodyBytesLimit}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
