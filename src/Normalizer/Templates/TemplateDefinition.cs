namespace Normalizer.Templates;

/// <summary>A named template: its variants by normalized locale (and <c>default</c>) and when they were last replaced.</summary>
internal sealed record TemplateDefinition(string Name, IReadOnlyDictionary<string, string> Variants, DateTimeOffset UpdatedAt);
