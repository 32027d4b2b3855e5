using System.Globalization;

namespace Normalizer.Testing.FakeGraph;

/// <summary>Which calls a script answers: a kind of call for one asset, optionally one user only.</summary>
internal readonly record struct ScriptKey(FakeGraphCallKind Kind, string Target, string? Subject)
{
    /// <summary>The WireMock scenario of this script; its state counts the steps used.</summary>
    public string Scenario => string.Create(CultureInfo.InvariantCulture, $"{Kind} {Target} {Subject ?? "*"}");
}
