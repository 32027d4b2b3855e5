namespace Normalizer.Delivery;

/// <summary>
/// A conversation held back by a failed attempt: its first delivery is retried, the later ones wait behind it in log
/// order. Guarded by the worker's lock.
/// </summary>
internal sealed class ParkedConversation(string key, int partition)
{
    public string Key { get; } = key;

    public int Partition { get; } = partition;

    public Queue<ParkedDelivery> Queue { get; } = new();
}
