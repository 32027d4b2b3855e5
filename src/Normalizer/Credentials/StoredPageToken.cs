namespace Normalizer.Credentials;

/// <summary>A row of <c>page_tokens</c>: the token is the Data Protection payload, never the plain token.</summary>
internal sealed class StoredPageToken
{
    public required string PageId { get; init; }

    public required string Platform { get; init; }

    public required string ProtectedToken { get; init; }

    public string? AppId { get; init; }

    public string? LinkedPageId { get; init; }

    public long CreatedAt { get; init; }

    public long UpdatedAt { get; init; }

    public override string ToString() => $"stored token of {Platform} {PageId}";
}
