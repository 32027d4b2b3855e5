using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MyApp.Webhooks;

public static class WebhookVerifier
{
    // secret: the subscription's "whsec_…"; id, timestamp, signatures: the webhook-id, webhook-timestamp and
    // webhook-signature headers; body: the request body exactly as received (read it as bytes before parsing).
    public static bool Verify(string secret, string id, string timestamp, string signatures, byte[] body, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var sent)
            || Math.Abs(now.ToUnixTimeSeconds() - sent) > 300)
        {
            return false; // more than 5 minutes off: a replay, or a clock to fix
        }

        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        byte[] signed = [.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body];
        var expected = Encoding.ASCII.GetBytes("v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed)));
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // Several signatures during a secret rotation: one match is enough.
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), expected))
            {
                return true;
            }
        }

        return false;
    }
}
