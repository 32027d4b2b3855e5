using WireMock;
using WireMock.Matchers;
using WireMock.Matchers.Request;

namespace Normalizer.Testing.FakeGraph;

/// <summary>
/// The part of a script's WireMock mapping that needs the logic layer: the call passed the token and proof checks
/// (scripts never hide an auth bug), acts for the script's asset and, for a recipient script, concerns that user.
/// </summary>
internal sealed class GraphScriptMatcher(GraphCallAnalyzer analyzer, ScriptKey key) : IRequestMatcher
{
    public double GetMatchingScore(IRequestMessage requestMessage, IRequestMatchResult requestMatchResult)
    {
        var call = analyzer.Of(requestMessage);
        var matches = call.Kind == key.Kind
            && call.Rejection is null
            && call.ScriptTargets.Contains(key.Target)
            && (key.Subject is null || key.Subject == call.Subject);
        return requestMatchResult.AddScore(GetType(), MatchScores.ToScore(matches), null);
    }
}
