using System.Globalization;
using System.Text;

namespace Normalizer.Ingest;

/// <summary>
/// The events of one inbox row that failed validation, summed up as one quarantine reason: however many there are, the
/// row is quarantined once, with its body once.
/// </summary>
internal sealed class RejectedEvents
{
    private const int ReasonsShown = 5;

    private readonly Dictionary<string, (int Count, string FirstId)> _byReason = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>The first rejected event's id.</summary>
    public string? FirstId { get; private set; }

    public void Add(string eventId, IEnumerable<string> reasons)
    {
        _count++;
        FirstId ??= eventId;
        var reason = string.Join("; ", reasons);
        _byReason[reason] = _byReason.TryGetValue(reason, out var seen) ? (seen.Count + 1, seen.FirstId) : (1, eventId);
    }

    /// <summary>"2 of 3 events rejected: 'x' (2, first evt_…)", the most frequent reasons first.</summary>
    public string Describe(int total)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{_count} of {total} events rejected: ");
        var shown = 0;
        foreach (var (reason, (count, firstId)) in _byReason.OrderByDescending(r => r.Value.Count))
        {
            if (shown == ReasonsShown)
            {
                text.Append(CultureInfo.InvariantCulture, $"; and {_byReason.Count - shown} other reasons");
                break;
            }

            text.Append(shown++ == 0 ? "" : "; ").Append(reason);
            if (count == 1)
            {
                text.Append(CultureInfo.InvariantCulture, $" ({firstId})");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $" ({count} events, first {firstId})");
            }
        }

        return text.ToString();
    }
}
