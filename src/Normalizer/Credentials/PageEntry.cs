using Normalizer.Events;

namespace Normalizer.Credentials;

/// <summary>A known business ID as shown by the API: everything but the token.</summary>
internal sealed record PageEntry(
    string Id, Platform Platform, string? AppId, string? LinkedPageId, PageSource Source, string TokenHint, DateTimeOffset? UpdatedAt);
