namespace Normalizer.Delivery;

/// <summary>Exponential backoff with jitter: <see cref="DeliveryOptions.BaseDelay"/> doubled per retry, ±20 %, at most <see cref="DeliveryOptions.MaxDelay"/>.</summary>
internal static class Backoff
{
    /// <summary>The wait after attempt <paramref name="attempt"/> (1 for the first) failed.</summary>
    public static TimeSpan After(int attempt, DeliveryOptions options)
    {
        var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var jittered = exponential * (0.8 + (0.4 * Random.Shared.NextDouble()));
        return TimeSpan.FromMilliseconds(Math.Clamp(jittered, 1, options.MaxDelay.TotalMilliseconds));
    }
}
