using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Normalizer.Events;

namespace Normalizer.Ids;

/// <summary>
/// Deterministic identifiers: the same update always gets the same event id, the same
/// (platform, page, user) always the same conversation id. Both are a SHA-256 over the
/// UTF-8 of their parts joined by a separator that cannot occur in Meta IDs.
/// </summary>
public static class EventIds
{
    private const char Separator = '\u001f';

    /// <summary>The event id: <c>evt_</c> + 32 hex digits of SHA-256(platform, page_id, dedup key).</summary>
    public static string Event(Platform platform, string pageId, string dedupKey) =>
        Derive("evt_", platform.ToWire(), pageId, dedupKey);

    /// <summary>The conversation id: <c>conv_</c> + 32 hex digits of SHA-256(platform, page_id, user_id).</summary>
    public static string Conversation(Platform platform, string pageId, string userId) =>
        Derive("conv_", platform.ToWire(), pageId, userId);

    private static string Derive(string prefix, string a, string b, string c)
    {
        var length = a.Length + b.Length + c.Length + 2;
        var maxBytes = Encoding.UTF8.GetMaxByteCount(length);
        byte[]? rented = null;
        var buffer = maxBytes <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var n = Encoding.UTF8.GetBytes(a, buffer);
            buffer[n++] = (byte)Separator;
            n += Encoding.UTF8.GetBytes(b, buffer[n..]);
            buffer[n++] = (byte)Separator;
            n += Encoding.UTF8.GetBytes(c, buffer[n..]);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(buffer[..n], hash);
            Span<char> id = stackalloc char[prefix.Length + 32];
            prefix.CopyTo(id);
            Convert.TryToHexStringLower(hash[..16], id[prefix.Length..], out _);
            return new string(id);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
