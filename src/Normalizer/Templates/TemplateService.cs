using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using HandlebarsDotNet;
using Normalizer.Identity;

namespace Normalizer.Templates;

/// <summary>
/// Named Handlebars templates with per-locale variants. Compiled variants are cached per template name:
/// dropped on every change made here, and reloaded after <see cref="CacheLifetime"/> so other instances'
/// changes arrive too. HTML escaping is off: these are chat texts, and <c>&lt;b&gt;&amp;</c> must stay as written.
/// </summary>
internal sealed partial class TemplateService(ITemplateStore store, TimeProvider time) : ITemplateRenderer
{
    public const int MaxBodyLength = 10_000;
    public const int MaxVariants = 100;

    public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(1);

    private static readonly IHandlebars Engine = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
    private static readonly Lock CompileLock = new();

    private readonly ConcurrentDictionary<string, Compiled> _cache = new(StringComparer.Ordinal);
    private int _version;

    /// <summary>Template names: <c>[a-z0-9_]{1,64}</c>.</summary>
    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    public async Task<string?> RenderAsync(string name, string? locale, UserProfile? profile, JsonElement? data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var compiled = await GetCompiledAsync(name, cancellationToken).ConfigureAwait(false);
        if (compiled.Variants is null)
        {
            return null;
        }

        var key = TemplateLocales.Resolve(compiled.Variants.Keys, locale ?? profile?.Locale);
        return key is null ? null : compiled.Variants[key](TemplateContext.Build(profile, data));
    }

    /// <summary>
    /// Normalizes the variant keys and compiles every body; the first problem as a sentence naming the variant
    /// (never null together with <c>Variants</c>).
    /// </summary>
    public static (IReadOnlyDictionary<string, string>? Variants, string? Error) Validate(IReadOnlyDictionary<string, string?> variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        if (variants.Count == 0)
        {
            return (null, "'variants' needs at least a 'default' variant");
        }

        if (variants.Count > MaxVariants)
        {
            return (null, $"'variants' has more than {MaxVariants} entries");
        }

        var normalized = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, body) in variants)
        {
            if (!TemplateLocales.TryNormalize(key, out var locale))
            {
                return (null, $"variant '{key}' is neither 'default' nor a locale such as 'en_US' or 'pt'");
            }

            if (!normalized.TryAdd(locale, body ?? ""))
            {
                return (null, $"variant '{key}' repeats '{locale}'");
            }

            if (string.IsNullOrEmpty(body))
            {
                return (null, $"variant '{key}' is empty");
            }

            if (body.Length > MaxBodyLength)
            {
                return (null, $"variant '{key}' is longer than {MaxBodyLength} characters");
            }

            if (TryCompile(body, out var error) is null)
            {
                return (null, $"variant '{key}' is not a valid Handlebars template: {error}");
            }
        }

        return normalized.ContainsKey(TemplateLocales.Default)
            ? (normalized, null)
            : (null, "'variants' needs a 'default' variant, used when no locale matches");
    }

    public Task<TemplateDefinition?> GetAsync(string name, CancellationToken cancellationToken) => store.GetAsync(name, cancellationToken);

    public Task<IReadOnlyList<TemplateDefinition>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    /// <summary>Replaces every variant (already validated with <see cref="Validate"/>); <c>Created</c> is true for a new name.</summary>
    public async Task<(TemplateDefinition Template, bool Created)> PutAsync(string name, IReadOnlyDictionary<string, string> variants, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
        var created = await store.ReplaceAsync(name, variants, now, cancellationToken).ConfigureAwait(false);
        Invalidate(name);
        return (new TemplateDefinition(name, variants, now), created);
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var removed = await store.DeleteAsync(name, cancellationToken).ConfigureAwait(false);
        Invalidate(name);
        return removed;
    }

    private void Invalidate(string name)
    {
        Interlocked.Increment(ref _version);
        _cache.TryRemove(name, out _);
    }

    private async Task<Compiled> GetCompiledAsync(string name, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(name, out var cached) && time.GetUtcNow() - cached.LoadedAt < CacheLifetime)
        {
            return cached;
        }

        var version = Volatile.Read(ref _version);
        var definition = await store.GetAsync(name, cancellationToken).ConfigureAwait(false);
        var compiled = new Compiled(
            definition?.Variants.ToDictionary(v => v.Key, v => Compile(v.Value), StringComparer.Ordinal),
            time.GetUtcNow());

        // A change made while loading wins: cache only what is still current.
        if (version == Volatile.Read(ref _version))
        {
            _cache[name] = compiled;
        }

        return compiled;
    }

    private static HandlebarsTemplate<object, object>? TryCompile(string body, out string? error)
    {
        error = null;
        try
        {
            var template = Compile(body);

            // Some mistakes (a missing partial) only show when rendering: render once over an empty context.
            template(new Dictionary<string, object?>(StringComparer.Ordinal));
            return template;
        }
        catch (HandlebarsException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    private static HandlebarsTemplate<object, object> Compile(string body)
    {
        lock (CompileLock)
        {
            return Engine.Compile(body);
        }
    }

    [GeneratedRegex("^[a-z0-9_]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    private sealed class Compiled(IReadOnlyDictionary<string, HandlebarsTemplate<object, object>>? variants, DateTimeOffset loadedAt)
    {
        public IReadOnlyDictionary<string, HandlebarsTemplate<object, object>>? Variants { get; } = variants;

        public DateTimeOffset LoadedAt { get; } = loadedAt;
    }
}
