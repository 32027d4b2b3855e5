namespace Normalizer.Testing.FakeGraph;

/// <summary>Which calls a script queue answers: a kind of call for one asset, optionally one user only.</summary>
internal readonly record struct ScriptKey(FakeGraphCallKind Kind, string Target, string? Subject);
