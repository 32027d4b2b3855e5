namespace Normalizer.Host.Endpoints;

/// <summary>A template with its variants by locale (and <c>default</c>).</summary>
public sealed record TemplateView(string Name, Dictionary<string, string> Variants, DateTimeOffset UpdatedAt);
