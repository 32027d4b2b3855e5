namespace Normalizer.Host.Endpoints;

/// <summary>A machine-readable code and a sentence for people.</summary>
public sealed record ApiErrorDetail(string Code, string Message);
