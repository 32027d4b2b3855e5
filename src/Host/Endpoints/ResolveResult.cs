namespace Normalizer.Host.Endpoints;

/// <summary><c>{ "data": [ { asid, psid, error } … ] }</c> (PRODUCT.md §7).</summary>
public sealed record ResolveResult(IReadOnlyList<ResolvedId> Data);
