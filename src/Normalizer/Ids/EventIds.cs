using System.Buffers;
using System.Collections.Concurrent;
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

    // Conversation ids already derived: a customer's messages, receipts and statuses keep coming back to the same
    // few conversations, and each derivation is a SHA-256. Bounded: emptied when full.
    private const int MaxRemembered = 16_384;
    private static readonly ConcurrentDictionary<(Platform, string, string), string> Conversations = new();
    private static int _remembered;

    /// <summary>The event id: <c>evt_</c> + 32 hex digits of SHA-256(platform, page_id, dedup key).</summary>
    public static string Event(Platform platform, string pageId, string dedupKey) =>
        Derive("evt_", platform.ToWire(), pageId, "", dedupKey);

    /// <summary>
    /// The event id of the dedup key <paramref name="keyPrefix"/> + <paramref name="key"/> (<c>message:</c> + mid, say),
    /// without building that string: the same id as <see cref="Event(Platform, string, string)"/> of the joined key.
    /// </summary>
    public static string Event(Platform platform, string pageId, string keyPrefix, string key) =>
        Derive("evt_", platform.ToWire(), pageId, keyPrefix, key);

    /// <summary>The conversation id: <c>conv_</c> + 32 hex digits of SHA-256(platform, page_id, user_id).</summary>
    public static string Conversation(Platform platform, string pageId, string userId)
    {
        var key = (platform, pageId, userId);
        if (Conversations.TryGetValue(key, out var id))
        {
            return id;
        }

        id = Derive("conv_", platform.ToWire(), pageId, "", userId);
        if (Interlocked.Increment(ref _remembered) > MaxRemembered)
        {
            Conversations.Clear();
            Interlocked.Exchange(ref _remembered, 0);
        }

        Conversations.TryAdd(key, id);
        return id;
    }

    // SHA-256 over a, separator, b, separator, c1 + c2.
    private static string Derive(string prefix, string a, string b, string c1, string c2)
    {
        var length = a.Length + b.Length + c1.Length + c2.Length + 2;
        var maxBytes = Encoding.UTF8.GetMaxByteCount(length);
        byte[]? rented = null;
        var buffer = maxBytes <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var n = Encoding.UTF8.GetBytes(a, buffer);
            buffer[n++] = (byte)Separator;
            n += Encoding.UTF8.GetBytes(b, buffer[n..]);
            buffer[n++] = (byte)Separator;
            n += Encoding.UTF8.GetBytes(c1, buffer[n..]);
            n += Encoding.UTF8.GetBytes(c2, buffer[n..]);
            Span<byte> hash = stackalloc byte[32];
            Sha256.HashData(buffer[..n], hash);
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
