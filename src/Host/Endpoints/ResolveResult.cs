namespace Normalizer.Host.Endpoints;

/// <summary><c>{ "data": [ { asid, psid, error } … ] }</c> (README: identity).</summary>
public sealed record ResolveResult(IReadOnlyList<ResolvedId> Data);
