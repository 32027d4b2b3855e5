using System.Collections.Frozen;

namespace Normalizer.Host.WebConsole;

/// <summary>
/// The web console at <c>/console</c>: static HTML, CSS and ES modules embedded in the assembly, served with a strict
/// Content-Security-Policy. The page calls <c>/v1</c> with the API key the user typed, kept in session storage only.
/// </summary>
internal static class ConsoleEndpoints
{
    public const string Prefix = "/console";

    // Scripts, styles and requests from this origin only; no inline script or style, no frames, no plugins.
    private const string Policy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static void MapConsole(this IEndpointRouteBuilder app)
    {
        var assets = Load();
        app.MapGet("/", () => TypedResults.Redirect(Prefix + "/")).ExcludeFromDescription();
        app.MapGet(Prefix + "/{*file}", (string? file, HttpContext context) => Serve(assets, file, context)).ExcludeFromDescription();
    }

    private static IResult Serve(FrozenDictionary<string, ConsoleAsset> assets, string? file, HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        return assets.TryGetValue(string.IsNullOrEmpty(file) ? "index.html" : file, out var asset)
            ? TypedResults.Bytes(asset.Content, asset.ContentType)
            : TypedResults.NotFound();
    }

    private static FrozenDictionary<string, ConsoleAsset> Load()
    {
        const string resourcePrefix = "console/";
        var assembly = typeof(ConsoleEndpoints).Assembly;
        var assets = new Dictionary<string, ConsoleAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            assets[name[resourcePrefix.Length..]] = new ConsoleAsset(buffer.ToArray(), ContentTypes[Path.GetExtension(name)]);
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
