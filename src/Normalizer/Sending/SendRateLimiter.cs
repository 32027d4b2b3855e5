using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Normalizer.Sending;

/// <summary>
/// Paces calls to Meta per access token, as Meta counts them: each token may make a burst of
/// <see cref="SendOptions.PermitsPerSecond"/> calls, and its budget refills at that rate, so that a burst waits here
/// instead of being thrown at Meta and answered with 613 / 130429. Pages that share a token share its budget. Callers
/// are served in arrival order. Counts this process's calls only (README: several hosts).
/// </summary>
/// <remarks>
/// The generic cell rate algorithm (a token bucket kept as one instant per token: when its budget is next full) on
/// <see cref="TimeProvider"/>, so that the pacing follows the host's clock, which tests drive. A token is kept only as a
/// hash. A caller cancelled while it waits does not hand its slot back: the pacing errs on the slow side.
/// </remarks>
public sealed class SendRateLimiter(IOptionsMonitor<SendOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Budget> _budgets = new(StringComparer.Ordinal);

    /// <summary>Waits for a permit to call Meta with <paramref name="accessToken"/>.</summary>
    public Task AcquireAsync(string accessToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        var rate = Math.Max(1, options.CurrentValue.PermitsPerSecond);
        var wait = _budgets.GetOrAdd(Key(accessToken), static _ => new Budget()).Reserve(time.GetUtcNow(), rate);
        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, time, cancellationToken);
    }

    // A hash, so that the token itself is not held as a key (nor shown by a memory dump of this map).
    private static string Key(string accessToken) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(accessToken)));

    private sealed class Budget
    {
        private readonly Lock _lock = new();
        private DateTimeOffset _next = DateTimeOffset.MinValue; // when the next call is due if no burst were allowed

        // Takes the next slot and answers how long to wait for it: each call moves the due time on by one interval; a
        // call may go up to a burst's length of intervals ahead of it.
        public TimeSpan Reserve(DateTimeOffset now, int rate)
        {
            var interval = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / rate);
            var burst = interval * (rate - 1);
            lock (_lock)
            {
                var due = _next > now ? _next : now;
                _next = due + interval;
                return due - burst - now;
            }
        }
    }
}
