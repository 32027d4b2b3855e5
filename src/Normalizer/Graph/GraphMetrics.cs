using System.Diagnostics.Metrics;
using Normalizer.Diagnostics;

namespace Normalizer.Graph;

/// <summary>
/// <c>normalizer.graph.duration</c>: seconds per Graph API call, by <c>http.request.method</c> and
/// <c>http.response.status_code</c>, with <c>error.type</c> (<c>timeout</c> or the network error) when no answer came.
/// Paths carry IDs, so they are not labels.
/// </summary>
public sealed class GraphMetrics
{
    private readonly Histogram<double> _duration;

    /// <summary>Creates the instrument on <paramref name="meter"/>.</summary>
    public GraphMetrics(NormalizerMeter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _duration = meter.Meter.CreateHistogram("normalizer.graph.duration", "s", "Duration of Graph API calls.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
    }

    /// <summary>Records one call that was answered with <paramref name="status"/>.</summary>
    public void Answered(HttpMethod method, int status, TimeSpan elapsed) =>
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("http.request.method", method.Method),
            new KeyValuePair<string, object?>("http.response.status_code", status));

    /// <summary>Records one call that got no answer (<paramref name="errorType"/>: timeout, or the network error kind).</summary>
    public void Unanswered(HttpMethod method, string errorType, TimeSpan elapsed) =>
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("http.request.method", method.Method),
            new KeyValuePair<string, object?>("error.type", errorType));
}
