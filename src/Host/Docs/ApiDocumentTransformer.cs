using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Normalizer.Host.Endpoints;

namespace Normalizer.Host.Docs;

/// <summary>
/// Completes the OpenAPI document: its title and description, the bearer API key as a security scheme required on every
/// <c>/v1</c> operation with its 401 and 429 answers, which carry the JSON error body (<see cref="ApiError"/>) like every error.
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string Title = "Normalizer API";
    public const string SecurityScheme = "apiKey";
    public const string ErrorSchema = "ApiError";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = Title,
            Version = "v1",
            // CommonMark, as OpenAPI descriptions are.
            Description = "Normalized Messenger, Instagram and WhatsApp events, their subscriptions and deliveries, and one send API. " +
                "Everything under `/v1` takes an API key as `Authorization: Bearer <key>`; the webhook endpoints are checked by Meta's " +
                "`X-Hub-Signature-256` instead. Every error answers with the same JSON body: `{\"error\": {\"code\": \"…\", \"message\": \"…\"}}`. " +
                "Integrator guide: [/docs](/docs).",
        };

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecurityScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key configured with `Normalizer__ApiKeys__0` (…), sent as `Authorization: Bearer <key>`.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ErrorSchema] = await context.GetOrCreateSchemaAsync(typeof(ApiError), null, cancellationToken);

        foreach (var (path, item) in document.Paths)
        {
            foreach (var operation in item.Operations?.Values.AsEnumerable() ?? [])
            {
                Describe(document, path, operation);
            }
        }
    }

    // /v1 takes the API key: its scheme, and the answers of a request without a valid one. The other error answers are
    // declared by each endpoint (ApiErrorResponses.Errors).
    private static void Describe(OpenApiDocument document, string path, OpenApiOperation operation)
    {
        if (!path.StartsWith("/v1/", StringComparison.Ordinal))
        {
            return;
        }

        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityScheme, document)] = [] }];
        AddError(document, operation, 401, "No API key, or one that is not configured.");
        AddError(document, operation, 429, "Too many requests without a valid API key from this address; see Retry-After.");
    }

    // An answer the endpoint describes itself keeps its description; when its body is another, either may come.
    private static void AddError(OpenApiDocument document, OpenApiOperation operation, int status, string description)
    {
        operation.Responses ??= [];
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var error = new OpenApiSchemaReference(ErrorSchema, document);
        if (operation.Responses.TryGetValue(key, out var existing) && existing.Content?.TryGetValue("application/json", out var json) == true
            && json.Schema is { } other)
        {
            json.Schema = new OpenApiSchema { OneOf = [other, error] };
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = error } },
        };
    }
}
