namespace Normalizer.Delivery;

/// <summary>What one attempt of a delivery came to.</summary>
internal enum AttemptResult
{
    /// <summary>2xx: done.</summary>
    Delivered,

    /// <summary>Anything else: retry while attempts remain.</summary>
    Failed,

    /// <summary>The subscription no longer exists: stop.</summary>
    Gone,
}
