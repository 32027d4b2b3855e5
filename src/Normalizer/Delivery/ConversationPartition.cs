namespace Normalizer.Delivery;

/// <summary>
/// The partition of a conversation: FNV-1a (32 bits) over its key's UTF-16 code units, modulo the partition count. Stable
/// across processes and hosts (unlike <see cref="string.GetHashCode()"/>), so every host agrees on who delivers what.
/// </summary>
public static class ConversationPartition
{
    /// <summary>The partition of <paramref name="key"/> among <paramref name="partitions"/>.</summary>
    public static int Of(string key, int partitions)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)partitions);
    }
}
