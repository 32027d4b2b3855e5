using System.Text.RegularExpressions;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;

namespace Normalizer.Testing.FakeGraph;

/// <summary>
/// One Graph endpoint the fake serves: its method and path, with or without the version segment
/// (<c>/v25.0/{id}/messages</c> or <c>/{id}/messages</c>), and its logic in two steps: <see cref="Identify"/> (whose
/// call, about what, rejected before any script may answer?) and <see cref="Answer"/> (the normal answer). WireMock
/// routes each to its answer; the routes do not overlap, so a request has one route whoever asks. A new endpoint is
/// one more row in <see cref="All"/>.
/// </summary>
internal sealed class GraphRoute
{
    // A node id is any segment but a version: "/v25.0/messages" is no send.
    private const string Version = @"(?:v\d+(?:\.\d+)?/)?";
    private const string Node = @"(?!v\d+(?:\.\d+)?(?:/|$))[^/]+";

    private readonly Regex _path;
    private readonly Func<FakeGraphState, GraphCallInfo, GraphResult?> _identify;
    private readonly Func<FakeGraphState, GraphCallInfo, GraphResult> _answer;

    private GraphRoute(
        FakeGraphCallKind kind, string method, string pathPattern,
        Func<FakeGraphState, GraphCallInfo, GraphResult?> identify, Func<FakeGraphState, GraphCallInfo, GraphResult> answer)
    {
        Kind = kind;
        Method = method;
        PathPattern = pathPattern;
        _path = new Regex(pathPattern, RegexOptions.CultureInvariant);
        _identify = identify;
        _answer = answer;
    }

    public static IReadOnlyList<GraphRoute> All { get; } =
    [
        new(FakeGraphCallKind.Send, "POST", $"^/{Version}{Node}/messages$", SendEndpoint.Identify, SendEndpoint.Answer),
        new(FakeGraphCallKind.IdsForPages, "GET", $"^/{Version}{Node}/ids_for_pages$",
            (_, info) => IdMatchingEndpoints.IdentifyIdsForPages(info), IdMatchingEndpoints.IdsForPages),
        new(FakeGraphCallKind.IdsForApps, "GET", $"^/{Version}{Node}/ids_for_apps$",
            IdMatchingEndpoints.IdentifyIdsForApps, IdMatchingEndpoints.IdsForApps),
        new(FakeGraphCallKind.PagesIdMapping, "POST", $"^/{Version}pages_id_mapping$",
            (_, info) => IdMatchingEndpoints.IdentifyPagesIdMapping(info), IdMatchingEndpoints.PagesIdMapping),
        new(FakeGraphCallKind.Node, "GET", $"^/{Version}{Node}$", NodeEndpoint.Identify, NodeEndpoint.Answer),
    ];

    public FakeGraphCallKind Kind { get; }

    public string Method { get; }

    public string PathPattern { get; }

    /// <summary>The route a request takes, or <c>null</c> for a path the fake does not serve.</summary>
    public static GraphRoute? Of(IRequestMessage request) =>
        All.FirstOrDefault(r => r.Method.Equals(request.Method, StringComparison.OrdinalIgnoreCase) && r._path.IsMatch(request.Path));

    public static GraphRoute Of(FakeGraphCallKind kind) =>
        All.FirstOrDefault(r => r.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "No route serves this kind of call.");

    /// <summary>Fills in the call's asset, user and script targets; returns Graph's rejection, if any.</summary>
    public GraphResult? Identify(FakeGraphState state, GraphCallInfo info) => _identify(state, info);

    /// <summary>The normal answer to a call <see cref="Identify"/> did not reject.</summary>
    public GraphResult Answer(FakeGraphState state, GraphCallInfo info) => _answer(state, info);

    /// <summary>WireMock's request matcher for this route.</summary>
    public IRequestBuilder Request() => WireMock.RequestBuilders.Request.Create()
        .UsingMethod(Method)
        .WithPath(new RegexMatcher(PathPattern));
}
