namespace Normalizer.Storage;

/// <summary>Remembers which event ids have been seen. Implementations must make the claim atomic.</summary>
public interface IDedupStore
{
    /// <summary>True when <paramref name="eventId"/> was not seen before (and is now claimed).</summary>
    ValueTask<bool> TryClaimAsync(string eventId, CancellationToken cancellationToken);
}
