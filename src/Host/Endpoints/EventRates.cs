namespace Normalizer.Host.Endpoints;

/// <summary>
/// <c>GET /v1/events/rates</c>: events received over the last hour in buckets of <c>bucket_seconds</c>, oldest first,
/// per channel and per Page.
/// </summary>
public sealed record EventRates(DateTimeOffset From, int BucketSeconds, IReadOnlyList<RateSeries> Channels, IReadOnlyList<RateSeries> Pages);
