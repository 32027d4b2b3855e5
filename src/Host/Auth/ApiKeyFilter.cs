using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Normalizer.Host.Endpoints;
using Normalizer.Host.Options;

namespace Normalizer.Host.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c> on <c>/v1</c>, checked against <c>Normalizer:ApiKeys</c>. Keys are
/// compared as SHA-256 digests in constant time, so neither content nor length leaks through timing.
/// </summary>
internal sealed class ApiKeyFilter(IOptionsMonitor<NormalizerOptions> options) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return ValueTask.FromResult<object?>(ApiError.Result(StatusCodes.Status401Unauthorized, "unauthorized",
                "send 'Authorization: Bearer <api key>' (keys are configured with Normalizer__ApiKeys__0, …)"));
        }

        Span<byte> given = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()), given);
        var match = false;
        Span<byte> key = stackalloc byte[32];
        foreach (var configured in options.CurrentValue.ApiKeys)
        {
            if (string.IsNullOrEmpty(configured))
            {
                continue;
            }

            SHA256.HashData(Encoding.UTF8.GetBytes(configured), key);
            match |= CryptographicOperations.FixedTimeEquals(given, key);
        }

        return match
            ? next(context)
            : ValueTask.FromResult<object?>(ApiError.Result(StatusCodes.Status401Unauthorized, "unauthorized", "the API key is not valid"));
    }
}
