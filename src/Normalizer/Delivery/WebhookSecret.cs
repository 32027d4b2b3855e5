using System.Security.Cryptography;

namespace Normalizer.Delivery;

/// <summary>
/// Subscription secrets in the Standard Webhooks form: <c>whsec_</c> + base64 of 24–64 random bytes; the
/// HMAC key is the decoded bytes (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md).
/// </summary>
public static class WebhookSecret
{
    /// <summary>The prefix of every secret.</summary>
    public const string Prefix = "whsec_";

    /// <summary>Fewest key bytes accepted.</summary>
    public const int MinBytes = 24;

    /// <summary>Most key bytes accepted.</summary>
    public const int MaxBytes = 64;

    /// <summary>Key bytes of a generated secret.</summary>
    public const int GeneratedBytes = 32;

    /// <summary>A new random secret.</summary>
    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(GeneratedBytes));

    /// <summary>Whether <paramref name="secret"/> is <c>whsec_</c> + base64 of 24–64 bytes.</summary>
    public static bool IsValid(string? secret) => TryDecode(secret, out _);

    /// <summary>The HMAC key of <paramref name="secret"/>, or false when it is not a valid secret.</summary>
    public static bool TryDecode(string? secret, out byte[] key)
    {
        key = [];
        if (secret is null || !secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[MaxBytes + 3];
        if (!Convert.TryFromBase64String(secret[Prefix.Length..], buffer, out var written) || written is < MinBytes or > MaxBytes)
        {
            return false;
        }

        key = buffer[..written].ToArray();
        return true;
    }
}
