using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Normalizer.Host.Endpoints;
using Normalizer.Host.Options;

namespace Normalizer.Host.Auth;

/// <summary>
/// Limits requests on <c>/v1</c> that carry no valid API key: each client IP may make
/// <see cref="NormalizerOptions.ApiKeyFailureLimit"/> of them per <see cref="NormalizerOptions.ApiKeyFailureWindow"/>,
/// then gets 429 with <c>Retry-After</c>. A request with a valid key takes no permit and is never limited, so a busy
/// client is not slowed down by its own traffic nor locked out by someone else guessing from the same address.
/// </summary>
internal static class ApiKeyRateLimiting
{
    public const string Policy = "api-key-failures";

    public static IServiceCollection AddApiKeyRateLimiting(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeys>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.AddPolicy(Policy, Partition);
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        if (context.RequestServices.GetRequiredService<ApiKeys>().Check(context.Request) == ApiKeyCheck.Valid)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<NormalizerOptions>>().CurrentValue;
        return RateLimitPartition.GetFixedWindowLimiter(ClientKey(context.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.ApiKeyFailureLimit,
            Window = options.ApiKeyFailureWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    // One partition per IPv4 address, and per /64 for IPv6 (a single client usually holds a whole /64).
    private static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        bytes.AsSpan(8).Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? retryAfter
            : context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<NormalizerOptions>>().CurrentValue.ApiKeyFailureWindow;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiError.Result(StatusCodes.Status429TooManyRequests, "too_many_attempts",
                $"too many requests without a valid API key from this address; retry after {seconds} s")
            .ExecuteAsync(context.HttpContext).ConfigureAwait(false);
    }
}
