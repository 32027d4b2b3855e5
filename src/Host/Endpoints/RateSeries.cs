namespace Normalizer.Host.Endpoints;

/// <summary>One channel's (or one Page's) event counts per bucket, oldest first.</summary>
public sealed record RateSeries(string Platform, string? PageId, IReadOnlyList<long> Counts);
