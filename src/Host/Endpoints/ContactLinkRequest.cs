namespace Normalizer.Host.Endpoints;

/// <summary><c>POST /v1/contacts/{id}/links</c>: link an ASID (with its app) or another contact.</summary>
public sealed record ContactLinkRequest(string? Asid, string? AppId, string? ContactId);
