using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Normalizer.Sending;

/// <summary>
/// One token bucket per business ID (so per token): a burst is paced to <see cref="SendOptions.PermitsPerSecond"/>
/// instead of being thrown at Meta and answered with 613 / 130429.
/// </summary>
public sealed class PageRateLimiter(IOptionsMonitor<SendOptions> options) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _buckets = new(StringComparer.Ordinal);

    /// <summary>Waits for a permit to call Meta for <paramref name="pageId"/>.</summary>
    public async ValueTask AcquireAsync(string pageId, CancellationToken cancellationToken)
    {
        var bucket = _buckets.GetOrAdd(pageId, _ =>
        {
            var rate = Math.Max(1, options.CurrentValue.PermitsPerSecond);
            return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = rate,
                TokensPerPeriod = rate,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        });
        using var lease = await bucket.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var bucket in _buckets.Values)
        {
            await bucket.DisposeAsync().ConfigureAwait(false);
        }
    }
}
