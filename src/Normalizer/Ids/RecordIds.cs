namespace Normalizer.Ids;

/// <summary>
/// Ids of stored records (contacts, persons): UUID version 7 (RFC 9562: 48 bits of Unix milliseconds, then 74 random
/// bits), so that they sort by creation and their index grows at one end. The random bits come from the process's
/// <see cref="Random.Shared"/>, not the operating system: <see cref="Guid.CreateVersion7()"/> reads
/// <c>/dev/urandom</c> here, a system call for every id, and the processor makes two per event. These ids name rows;
/// they guard nothing, so they need to be unique, not unpredictable.
/// </summary>
internal static class RecordIds
{
    /// <summary>A new version 7 UUID for <paramref name="at"/> (as text <c>xxxxxxxx-xxxx-7xxx-yxxx-xxxxxxxxxxxx</c>).</summary>
    public static Guid New(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes[6..]);
        var ms = at.ToUnixTimeMilliseconds();
        for (var i = 5; i >= 0; i--, ms >>= 8)
        {
            bytes[i] = (byte)ms;
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F)); // version 7
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F)); // variant 10
        return new Guid(bytes, bigEndian: true);
    }
}
