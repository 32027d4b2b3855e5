namespace Normalizer.Templates;

/// <summary>The <c>templates</c> table: one row per (name, locale).</summary>
internal interface ITemplateStore
{
    Task<TemplateDefinition?> GetAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<TemplateDefinition>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Replaces every variant of <paramref name="name"/>; true when the template is new.</summary>
    Task<bool> ReplaceAsync(string name, IReadOnlyDictionary<string, string> variants, DateTimeOffset updatedAt, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken);
}
