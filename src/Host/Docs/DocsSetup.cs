namespace Normalizer.Host.Docs;

/// <summary>The OpenAPI document (completed by <see cref="ApiDocumentTransformer"/>) and the integrator guide.</summary>
internal static class DocsSetup
{
    public static IServiceCollection AddDocs(this IServiceCollection services)
    {
        services.AddOpenApi(options => options.AddDocumentTransformer<ApiDocumentTransformer>());
        services.AddSingleton<DocsSite>();
        return services;
    }
}
