using System.Security.Cryptography;
using System.Text;

namespace Normalizer.Testing.Subscriber;

/// <summary>
/// A consumer's own Standard Webhooks check, written from the spec and independent of the product's signer:
/// HMAC-SHA256 keyed with the base64 after <c>whsec_</c> over <c>{id}.{timestamp}.{body}</c>, any <c>v1,</c> entry may match.
/// </summary>
public static class StandardWebhooks
{
    public static string ExpectedSignature(string secret, string id, string timestamp, byte[] body)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var content = Encoding.UTF8.GetBytes(id + "." + timestamp + ".").Concat(body).ToArray();
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }

    public static bool Verify(string secret, SubscriberRequest request)
    {
        if (request.WebhookId is null || request.WebhookTimestamp is null || request.WebhookSignature is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(ExpectedSignature(secret, request.WebhookId, request.WebhookTimestamp, request.Body));
        return request.WebhookSignature.Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expected));
    }
}
