namespace Normalizer.Identity;

/// <summary>One match: the other ID and the scope it belongs to (a Page for PSIDs, an app for ASIDs).</summary>
/// <param name="Id">The matched ID.</param>
/// <param name="ScopeId">Its Page or app id.</param>
/// <param name="SourceId">For batch calls, the ID it was matched from.</param>
public sealed record IdMatch(string Id, string ScopeId, string? SourceId = null);
