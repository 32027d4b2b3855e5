namespace Normalizer.Testing.FakeGraph;

/// <summary>A person known to a Page or IG account by a PSID / IGSID.</summary>
public sealed record FakeUser(string PageId, string Id, FakeProfile? Profile);
