using WireMock;

namespace Normalizer.Testing.FakeGraph;

/// <summary>The WireMock callbacks: the normal answer of each route, and the Graph error a script asks for.</summary>
internal sealed class GraphAnswers(FakeGraphState state, GraphCallAnalyzer analyzer)
{
    /// <summary>What Graph would answer: the rejection if there is one, else the endpoint's answer.</summary>
    public IResponseMessage Normal(IRequestMessage request) => Normal(request, null);

    /// <summary>The normal answer with extra response headers (e.g. <c>X-Business-Use-Case-Usage</c>).</summary>
    public IResponseMessage Normal(IRequestMessage request, IReadOnlyDictionary<string, string>? headers)
    {
        var info = analyzer.Of(request);
        // A call without a route is always rejected (2500), so one that is not has a route.
        var result = info.Rejection ?? info.Route!.Answer(state, info);
        return result.ToResponse(headers);
    }

    /// <summary>A Graph error in Meta's shape for this call (WhatsApp numbers add <c>error_data</c>).</summary>
    public IResponseMessage Fail(IRequestMessage request, FakeGraphError error) => analyzer.Of(request).Fail(error).ToResponse();
}
