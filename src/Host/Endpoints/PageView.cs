namespace Normalizer.Host.Endpoints;

/// <summary>A known page as the API shows it: never the token, only whether it is set and its last characters.</summary>
public sealed record PageView(
    string Id, string Platform, string? AppId, string? LinkedPageId, string Source, bool TokenSet, string TokenHint, DateTimeOffset? UpdatedAt);
