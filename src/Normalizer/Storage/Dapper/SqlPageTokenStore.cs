using Dapper;
using Normalizer.Credentials;

namespace Normalizer.Storage.Dapper;

internal sealed class SqlPageTokenStore(IStoreConnectionFactory connections) : IPageTokenStore
{
    private const string Select =
        "SELECT page_id AS PageId, platform AS Platform, token AS ProtectedToken, app_id AS AppId, linked_page_id AS LinkedPageId, " +
        "created_at AS CreatedAt, updated_at AS UpdatedAt FROM page_tokens ORDER BY page_id";

    public async Task<IReadOnlyList<StoredPageToken>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Select, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new StoredPageToken
        {
            PageId = r.PageId, Platform = r.Platform, ProtectedToken = r.ProtectedToken, AppId = r.AppId,
            LinkedPageId = r.LinkedPageId, CreatedAt = r.CreatedAt, UpdatedAt = r.UpdatedAt,
        }).ToList();
    }

    // Delete + insert in one transaction: portable across dialects, and keeps the first created_at. Two hosts at once: the
    // loser runs again (UniqueRace).
    public Task<bool> UpsertAsync(StoredPageToken token, CancellationToken cancellationToken) =>
        UniqueRace.RetryAsync(connections, () => ReplaceAsync(token, cancellationToken));

    private async Task<bool> ReplaceAsync(StoredPageToken token, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var createdAt = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT created_at FROM page_tokens WHERE page_id = @pageId", new { pageId = token.PageId }, transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        // The delete, not the read before it, says whether a row was there: it sees the row another writer committed since.
        var replaced = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM page_tokens WHERE page_id = @pageId", new { pageId = token.PageId }, transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO page_tokens (page_id, platform, token, app_id, linked_page_id, created_at, updated_at) " +
            "VALUES (@PageId, @Platform, @ProtectedToken, @AppId, @LinkedPageId, @CreatedAt, @UpdatedAt)",
            new
            {
                token.PageId, token.Platform, token.ProtectedToken, token.AppId, token.LinkedPageId,
                CreatedAt = createdAt ?? token.CreatedAt, token.UpdatedAt,
            },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return replaced == 0;
    }

    public async Task<bool> DeleteAsync(string pageId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM page_tokens WHERE page_id = @pageId", new { pageId }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    private sealed record Row(string PageId, string Platform, string ProtectedToken, string? AppId, string? LinkedPageId, long CreatedAt, long UpdatedAt)
    {
        // Never print the (encrypted) token.
        public override string ToString() => PageId;
    }
}
