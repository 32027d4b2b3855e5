using System.Runtime.InteropServices;
using System.Text.Json;

namespace Normalizer.Ids;

/// <summary>A dedup key for items that carry no identity of their own: a hash of their exact bytes.</summary>
public static class ContentKey
{
    /// <summary><c>sha256:</c> + hex of the SHA-256 of the element's raw UTF-8 text.</summary>
    public static string Of(JsonElement element) => Of(JsonMarshal.GetRawUtf8Value(element));

    /// <summary><c>sha256:</c> + hex of the SHA-256 of <paramref name="json"/>, a JSON value's exact UTF-8 bytes.</summary>
    public static string Of(ReadOnlySpan<byte> json)
    {
        Span<byte> hash = stackalloc byte[32];
        Sha256.HashData(json, hash);
        return "sha256:" + Convert.ToHexStringLower(hash);
    }
}
