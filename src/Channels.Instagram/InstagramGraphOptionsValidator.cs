using Microsoft.Extensions.Options;
using Normalizer.Graph;

namespace Normalizer.Channels.Instagram;

/// <summary>Checks <see cref="InstagramGraphOptions"/> at start; a failure names the key, never its value.</summary>
internal sealed class InstagramGraphOptionsValidator : IValidateOptions<InstagramGraphOptions>
{
    public ValidateOptionsResult Validate(string? name, InstagramGraphOptions options)
    {
        var failures = new List<string>();
        GraphSection.CheckUrl(options.InstagramBaseUrl, nameof(InstagramGraphOptions.InstagramBaseUrl), failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
