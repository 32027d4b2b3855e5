namespace Normalizer.Host.Endpoints;

/// <summary><c>GET /v1/templates</c>: <c>{ "data": [ template… ] }</c>.</summary>
public sealed record TemplateList(IReadOnlyList<TemplateView> Data);
