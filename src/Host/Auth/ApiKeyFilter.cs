using Normalizer.Host.Endpoints;

namespace Normalizer.Host.Auth;

/// <summary><c>Authorization: Bearer &lt;key&gt;</c> on <c>/v1</c>, checked against <c>Normalizer:ApiKeys</c>.</summary>
internal sealed class ApiKeyFilter(ApiKeys keys) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        keys.Check(context.HttpContext.Request) switch
        {
            ApiKeyCheck.Valid => next(context),
            ApiKeyCheck.Missing => ValueTask.FromResult<object?>(ApiError.Result(StatusCodes.Status401Unauthorized, "unauthorized",
                "send 'Authorization: Bearer <api key>' (keys are configured with Normalizer__ApiKeys__0, …)")),
            _ => ValueTask.FromResult<object?>(ApiError.Result(StatusCodes.Status401Unauthorized, "unauthorized", "the API key is not valid")),
        };
}
