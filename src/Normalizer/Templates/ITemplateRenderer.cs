using System.Text.Json;
using Normalizer.Identity;

namespace Normalizer.Templates;

/// <summary>Named reply templates with per-locale variants (Handlebars), rendered with profile fields and request data.</summary>
public interface ITemplateRenderer
{
    /// <summary>
    /// Renders <paramref name="name"/> in <paramref name="locale"/> (falling back to the language, then the
    /// template's default variant); null when no such template exists.
    /// </summary>
    Task<string?> RenderAsync(string name, string? locale, UserProfile? profile, JsonElement? data, CancellationToken cancellationToken);
}
