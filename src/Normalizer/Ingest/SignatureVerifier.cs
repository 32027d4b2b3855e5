using System.Buffers;
using System.Security.Cryptography;

namespace Normalizer.Ingest;

/// <summary>
/// Checks <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c> over the raw body bytes against each app secret, in
/// constant time (Meta's webhook payload signature). The header is attacker-controlled: any malformed value is simply "no match".
/// </summary>
public static class SignatureVerifier
{
    private const string Prefix = "sha256=";

    /// <summary>Whether <paramref name="header"/> is the HMAC-SHA256 of <paramref name="body"/> under one of the secrets.</summary>
    public static bool Verify(ReadOnlySpan<byte> body, string? header, IReadOnlyList<byte[]> secrets)
    {
        // Whitespace around a header value is not part of it (RFC 9110 §5.5); servers do not all strip it.
        var value = header.AsSpan().Trim(" \t");
        if (value.Length != Prefix.Length + 64 || !value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> given = stackalloc byte[32];
        if (Convert.FromHexString(value[Prefix.Length..], given, out _, out var written) != OperationStatus.Done || written != 32)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        var match = false;
        foreach (var secret in secrets)
        {
            HMACSHA256.HashData(secret, body, expected);
            match |= CryptographicOperations.FixedTimeEquals(expected, given);
        }

        return match;
    }
}
