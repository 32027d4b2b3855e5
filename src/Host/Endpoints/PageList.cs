namespace Normalizer.Host.Endpoints;

/// <summary><c>GET /v1/pages</c>: <c>{ "data": [ page… ] }</c>.</summary>
public sealed record PageList(IReadOnlyList<PageView> Data);
