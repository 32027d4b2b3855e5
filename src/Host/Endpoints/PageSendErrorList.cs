namespace Normalizer.Host.Endpoints;

/// <summary><c>GET /v1/pages/send-errors</c>: the last failed send of every Page that had one.</summary>
public sealed record PageSendErrorList(IReadOnlyList<PageSendErrorView> Data);
