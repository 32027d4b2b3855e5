using System.Runtime.CompilerServices;
using WireMock;

namespace Normalizer.Testing.FakeGraph;

/// <summary>
/// Works out, once per request, what the call is: its route, whose token it carries, whether the proof matches, which
/// asset and user it is about, and whether Graph would reject it before looking further. WireMock asks every mapping
/// about every request and hands the same request object to the answer and to its log, so the result is kept beside
/// that object for the script matchers, the answer and <see cref="FakeGraphApi.Calls"/>.
/// </summary>
internal sealed class GraphCallAnalyzer(FakeGraphState state)
{
    private readonly ConditionalWeakTable<IRequestMessage, GraphCallInfo> _calls = [];
    private long _sequence;

    public GraphCallInfo Of(IRequestMessage request) => _calls.GetValue(request, Analyze);

    private GraphCallInfo Analyze(IRequestMessage message)
    {
        var request = GraphRequest.From(message);
        var route = GraphRoute.Of(message);
        var info = new GraphCallInfo(Interlocked.Increment(ref _sequence), request, route);
        GraphAuth.Identify(state, info);
        info.Rejection =
            route is null ? info.Fail(2500, message: "Unknown path components: /" + string.Join('/', request.Segments))
            : request.MalformedBody ? info.Fail(100, message: "(#100) The request body is not valid JSON")
            : route.Identify(state, info);
        return info;
    }
}
