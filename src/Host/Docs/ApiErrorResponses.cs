using Normalizer.Host.Endpoints;

namespace Normalizer.Host.Docs;

/// <summary>Declares, for the OpenAPI document, the error answers an endpoint gives with the JSON error body (<see cref="ApiError"/>).</summary>
internal static class ApiErrorResponses
{
    public static RouteHandlerBuilder Errors(this RouteHandlerBuilder endpoint, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            endpoint.Produces<ApiError>(status, "application/json");
        }

        return endpoint;
    }
}
