using System.Security.Cryptography;
using System.Text;

namespace Normalizer.Testing;

/// <summary>Signs bodies the way Meta does: <c>sha256=</c> + lowercase hex HMAC-SHA256 with the app secret.</summary>
public static class Signing
{
    public static string XHubSignature256(byte[] body, string appSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));
}
