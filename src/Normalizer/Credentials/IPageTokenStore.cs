namespace Normalizer.Credentials;

/// <summary>The <c>page_tokens</c> table (tokens already encrypted by the caller).</summary>
internal interface IPageTokenStore
{
    Task<IReadOnlyList<StoredPageToken>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Inserts or replaces; true when the row is new.</summary>
    Task<bool> UpsertAsync(StoredPageToken token, CancellationToken cancellationToken);

    /// <summary>True when a row was removed.</summary>
    Task<bool> DeleteAsync(string pageId, CancellationToken cancellationToken);
}
