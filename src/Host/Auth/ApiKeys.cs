using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Normalizer.Host.Options;

namespace Normalizer.Host.Auth;

/// <summary>
/// The configured API keys as SHA-256 digests, kept current when configuration reloads. A presented key is compared
/// with every digest in constant time, so neither its content nor its length leaks through timing.
/// </summary>
internal sealed class ApiKeys
{
    private const string Scheme = "Bearer ";
    private volatile byte[][] _digests;

    public ApiKeys(IOptionsMonitor<NormalizerOptions> options)
    {
        _digests = Digests(options.CurrentValue);
        options.OnChange(o => _digests = Digests(o));
    }

    /// <summary>What the request's <c>Authorization</c> header carries.</summary>
    public ApiKeyCheck Check(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return ApiKeyCheck.Missing;
        }

        Span<byte> given = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()), given);
        var match = false;
        foreach (var digest in _digests)
        {
            match |= CryptographicOperations.FixedTimeEquals(given, digest);
        }

        return match ? ApiKeyCheck.Valid : ApiKeyCheck.Invalid;
    }

    private static byte[][] Digests(NormalizerOptions options) =>
        [.. options.ApiKeys.Where(k => !string.IsNullOrEmpty(k)).Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k)))];
}
