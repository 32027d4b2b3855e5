using Scalar.AspNetCore;

namespace Normalizer.Host.Docs;

/// <summary>
/// <c>/docs</c>: the integrator guide (<see cref="DocsSite"/>), the schema files it links to, and the API reference over the
/// OpenAPI document at <c>/docs/api</c> (Scalar, its scripts served by the host, nothing fetched from elsewhere). Public: nothing here is a secret.
/// </summary>
internal static class DocsEndpoints
{
    public static void MapDocs(this IEndpointRouteBuilder app)
    {
        app.MapGet("/docs", (DocsSite site) => TypedResults.Content(site.Page, "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/docs/schemas/{file}", (string file) => DocsSite.Schemas.TryGetValue(file, out var json)
            ? Results.Text(json, "application/schema+json; charset=utf-8")
            : Endpoints.ApiError.Result(StatusCodes.Status404NotFound, "not_found",
                $"no schema named '{file}'; there are {string.Join(", ", DocsSite.Schemas.Keys)}")).ExcludeFromDescription();
        app.MapScalarApiReference("/docs/api", options =>
        {
            // Everything from the host itself: no web fonts, telemetry or AI chat, which would call Scalar's servers.
            options.WithTitle(ApiDocumentTransformer.Title);
            options.DefaultFonts = false;
            options.Telemetry = false;
            options.Agent = new ScalarAgentOptions { Disabled = true };
            options.ShowDeveloperTools = DeveloperToolsVisibility.Never;
        });
    }
}
