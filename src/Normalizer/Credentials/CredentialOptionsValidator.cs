using Microsoft.Extensions.Options;
using Normalizer.Events;

namespace Normalizer.Credentials;

/// <summary>
/// Checks <c>Normalizer:Pages</c> and <c>Normalizer:Apps</c> at start. Messages name the configuration key,
/// never its value (values are tokens and secrets).
/// </summary>
public sealed class CredentialOptionsValidator : IValidateOptions<CredentialOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CredentialOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var pageIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.Pages.Count; i++)
        {
            var page = options.Pages[i];
            var key = $"Normalizer:Pages:{i}";
            if (page is null)
            {
                failures.Add($"{key} is empty");
                continue;
            }

            if (string.IsNullOrWhiteSpace(page.Id))
            {
                failures.Add($"{key}:Id is empty");
            }
            else if (!pageIds.TryAdd(page.Id, i))
            {
                failures.Add($"{key}:Id repeats Normalizer:Pages:{pageIds[page.Id]}:Id");
            }

            if (string.IsNullOrWhiteSpace(page.Platform))
            {
                failures.Add($"{key}:Platform is empty (facebook, instagram or whatsapp)");
            }
            else if (!PlatformNames.TryParse(page.Platform, out _))
            {
                failures.Add($"{key}:Platform is not one of facebook, instagram, whatsapp");
            }

            if (string.IsNullOrWhiteSpace(page.AccessToken))
            {
                failures.Add($"{key}:AccessToken is empty");
            }
        }

        var appIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.Apps.Count; i++)
        {
            var app = options.Apps[i];
            var key = $"Normalizer:Apps:{i}";
            if (app is null)
            {
                failures.Add($"{key} is empty");
                continue;
            }

            if (string.IsNullOrWhiteSpace(app.Id))
            {
                failures.Add($"{key}:Id is empty");
            }
            else if (!appIds.TryAdd(app.Id, i))
            {
                failures.Add($"{key}:Id repeats Normalizer:Apps:{appIds[app.Id]}:Id");
            }

            if (string.IsNullOrWhiteSpace(app.Secret))
            {
                failures.Add($"{key}:Secret is empty");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
