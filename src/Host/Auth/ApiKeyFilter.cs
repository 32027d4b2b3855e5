using Normalizer.Host.Endpoints;

namespace Normalizer.Host.Auth;

/// <summary><c>Authorization: Bearer &lt;key&gt;</c> on <c>/v1</c>, checked against <c>Normalizer:ApiKeys</c>.</summary>
internal sealed class ApiKeyFilter(ApiKeys keys) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        keys.Check(context.HttpContext.Request) is var check && check == ApiKeyCheck.Valid
            ? next(context)
            : ValueTask.FromResult<object?>(Refusal(check));

    /// <summary>The 401 answer to a request whose key is missing or not configured.</summary>
    public static IResult Refusal(ApiKeyCheck check) => ApiError.Result(StatusCodes.Status401Unauthorized, "unauthorized",
        check == ApiKeyCheck.Missing
            ? "send 'Authorization: Bearer <api key>' (keys are configured with Normalizer__ApiKeys__0, …)"
            : "the API key is not valid");
}
