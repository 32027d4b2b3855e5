using Normalizer.Events;

namespace Normalizer.Credentials;

/// <summary>A token set through the API. A class, not a record: no generated ToString printing the token.</summary>
internal sealed class PageTokenUpdate
{
    public required string PageId { get; init; }

    public required Platform Platform { get; init; }

    public required string AccessToken { get; init; }

    public string? AppId { get; init; }

    public string? LinkedPageId { get; init; }

    public override string ToString() => $"token update of {Platform.ToWire()} {PageId}";
}
