using System.Security.Cryptography;
using System.Text;

namespace Normalizer.Graph;

/// <summary>
/// <c>appsecret_proof</c> = lowercase hex HMAC-SHA256(key = app secret, message = access token)
/// (Meta's securing-requests guide (appsecret_proof); developers.facebook.com/docs/graph-api/securing-requests).
/// </summary>
internal static class AppSecretProof
{
    public static string Compute(string accessToken, string appSecret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(accessToken)));
}
