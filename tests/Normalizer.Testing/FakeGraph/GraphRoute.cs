using System.Text.RegularExpressions;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;

namespace Normalizer.Testing.FakeGraph;

/// <summary>
/// One Graph endpoint the fake serves: its method and path, with or without the version segment
/// (<c>/v25.0/{id}/messages</c> or <c>/{id}/messages</c>). WireMock routes each to its answer; the routes do not
/// overlap, so a request has one kind whoever asks.
/// </summary>
internal sealed class GraphRoute
{
    // A node id is any segment but a version: "/v25.0/messages" is no send.
    private const string Version = @"(?:v\d+(?:\.\d+)?/)?";
    private const string Node = @"(?!v\d+(?:\.\d+)?(?:/|$))[^/]+";

    private readonly Regex _path;

    private GraphRoute(FakeGraphCallKind kind, string method, string pathPattern)
    {
        Kind = kind;
        Method = method;
        PathPattern = pathPattern;
        _path = new Regex(pathPattern, RegexOptions.CultureInvariant);
    }

    public static IReadOnlyList<GraphRoute> All { get; } =
    [
        new(FakeGraphCallKind.Send, "POST", $"^/{Version}{Node}/messages$"),
        new(FakeGraphCallKind.IdsForPages, "GET", $"^/{Version}{Node}/ids_for_pages$"),
        new(FakeGraphCallKind.IdsForApps, "GET", $"^/{Version}{Node}/ids_for_apps$"),
        new(FakeGraphCallKind.PagesIdMapping, "POST", $"^/{Version}pages_id_mapping$"),
        new(FakeGraphCallKind.Node, "GET", $"^/{Version}{Node}$"),
    ];

    public FakeGraphCallKind Kind { get; }

    public string Method { get; }

    public string PathPattern { get; }

    /// <summary>The kind of a request: the route it takes, or <see cref="FakeGraphCallKind.Unknown"/>.</summary>
    public static FakeGraphCallKind KindOf(IRequestMessage request) =>
        All.FirstOrDefault(r => r.Method.Equals(request.Method, StringComparison.OrdinalIgnoreCase) && r._path.IsMatch(request.Path))?.Kind
        ?? FakeGraphCallKind.Unknown;

    public static GraphRoute Of(FakeGraphCallKind kind) =>
        All.FirstOrDefault(r => r.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "No route serves this kind of call.");

    /// <summary>WireMock's request matcher for this route.</summary>
    public IRequestBuilder Request() => WireMock.RequestBuilders.Request.Create()
        .UsingMethod(Method)
        .WithPath(new RegexMatcher(PathPattern));
}
