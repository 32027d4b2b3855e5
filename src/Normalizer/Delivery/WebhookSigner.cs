using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Normalizer.Delivery;

/// <summary>
/// Standard Webhooks signatures (README: delivery): <c>v1,</c> + base64(HMAC-SHA256(key, <c>{id}.{timestamp}.{body}</c>)),
/// one per secret, space-separated, so a consumer keeps verifying while a secret is rotated.
/// </summary>
public static class WebhookSigner
{
    /// <summary>Header carrying the event id, the same on every retry.</summary>
    public const string IdHeader = "webhook-id";

    /// <summary>Header carrying the Unix seconds of this attempt.</summary>
    public const string TimestampHeader = "webhook-timestamp";

    /// <summary>Header carrying the signatures.</summary>
    public const string SignatureHeader = "webhook-signature";

    /// <summary>The <c>webhook-signature</c> value for <paramref name="body"/> under each of <paramref name="secrets"/>.</summary>
    /// <exception cref="ArgumentException">A secret is not <c>whsec_</c> + base64 of 24–64 bytes, or there is none.</exception>
    public static string Sign(string id, long timestamp, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(secrets);
        if (secrets.Count == 0)
        {
            throw new ArgumentException("at least one secret is required", nameof(secrets));
        }

        var message = SignedContent(id, timestamp, body);
        var signatures = new StringBuilder();
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        for (var i = 0; i < secrets.Count; i++)
        {
            // The message names the secret's position only: a secret never appears in an exception.
            if (!WebhookSecret.TryDecode(secrets[i], out var key))
            {
                throw new ArgumentException($"secret #{i} is not {WebhookSecret.Prefix} + base64 of 24–64 bytes", nameof(secrets));
            }

            HMACSHA256.HashData(key, message, mac);
            CryptographicOperations.ZeroMemory(key);
            if (i > 0)
            {
                signatures.Append(' ');
            }

            signatures.Append("v1,").Append(Convert.ToBase64String(mac));
        }

        return signatures.ToString();
    }

    /// <summary>The <c>webhook-signature</c> value under one secret.</summary>
    public static string Sign(string id, long timestamp, ReadOnlySpan<byte> body, string secret) => Sign(id, timestamp, body, [secret]);

    /// <summary>
    /// What a consumer checks: the timestamp is within <paramref name="tolerance"/> of <paramref name="now"/> and one
    /// of the space-separated <c>v1,</c> signatures matches under <paramref name="secret"/> (constant-time compare).
    /// </summary>
    public static bool Verify(string id, string timestamp, ReadOnlySpan<byte> body, string? signatures, string secret,
        DateTimeOffset now, TimeSpan tolerance)
    {
        if (signatures is null || !WebhookSecret.IsValid(secret) ||
            !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ts) ||
            Math.Abs(now.ToUnixTimeSeconds() - ts) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(id, ts, body, secret));
        var match = false;
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            match |= CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), expected);
        }

        return match;
    }

    // {id}.{timestamp}.{body}, the body as the exact bytes sent.
    private static byte[] SignedContent(string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}."));
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return message;
    }
}
