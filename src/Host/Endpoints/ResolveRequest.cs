namespace Normalizer.Host.Endpoints;

/// <summary><c>POST /v1/identities/resolve</c>: the PSIDs of ASIDs on one Page.</summary>
public sealed record ResolveRequest(string? PageId, IReadOnlyList<string>? Asids);
