using System.Runtime.InteropServices;
using System.Text.Json;

namespace Normalizer.Ids;

/// <summary>A dedup key for items that carry no identity of their own: a hash of their exact bytes.</summary>
public static class ContentKey
{
    /// <summary><c>sha256:</c> + hex of the SHA-256 of the element's raw UTF-8 text.</summary>
    public static string Of(JsonElement element)
    {
        Span<byte> hash = stackalloc byte[32];
        Sha256.HashData(JsonMarshal.GetRawUtf8Value(element), hash);
        return "sha256:" + Convert.ToHexStringLower(hash);
    }
}
