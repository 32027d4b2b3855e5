using System.Text.RegularExpressions;

namespace Normalizer.Templates;

/// <summary>
/// Variant keys and the fallback order: the exact locale, then the same language (the bare language first,
/// then its regional variants in ordinal order), then <c>default</c>. Keys are normalized to Meta's form
/// (<c>pt_BR</c>): <c>pt-br</c> and <c>PT_br</c> name the same variant.
/// </summary>
internal static partial class TemplateLocales
{
    public const string Default = "default";

    /// <summary>Normalizes a variant key or a requested locale; false when it is neither <c>default</c> nor a locale.</summary>
    public static bool TryNormalize(string? value, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (string.Equals(value, Default, StringComparison.OrdinalIgnoreCase))
        {
            normalized = Default;
            return true;
        }

        var match = LocalePattern().Match(value);
        if (!match.Success)
        {
            return false;
        }

        var language = match.Groups[1].Value.ToLowerInvariant();
        normalized = match.Groups[2].Success ? $"{language}_{match.Groups[2].Value.ToUpperInvariant()}" : language;
        return true;
    }

    /// <summary>The variant to render for <paramref name="locale"/> among <paramref name="variants"/>; null when none applies.</summary>
    public static string? Resolve(IEnumerable<string> variants, string? locale)
    {
        var keys = variants as IReadOnlyCollection<string> ?? variants.ToList();
        if (TryNormalize(locale, out var wanted) && wanted != Default)
        {
            if (keys.Contains(wanted, StringComparer.Ordinal))
            {
                return wanted;
            }

            var separator = wanted.IndexOf('_', StringComparison.Ordinal);
            var language = separator < 0 ? wanted : wanted[..separator];
            if (keys.Contains(language, StringComparer.Ordinal))
            {
                return language;
            }

            var prefix = language + "_";
            var sameLanguage = keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault();
            if (sameLanguage is not null)
            {
                return sameLanguage;
            }
        }

        return keys.Contains(Default, StringComparer.Ordinal) ? Default : null;
    }

    [GeneratedRegex("^([A-Za-z]{2,3})(?:[_-]([A-Za-z0-9]{2,8}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalePattern();
}
