using Dapper;

namespace Normalizer.Storage.Dapper;

/// <summary>The inbox in the store: appends through the group-commit writer, reads in arrival order.</summary>
internal sealed class SqlInbox(InboxWriter writer, IStoreConnectionFactory connections, TimeProvider time) : IInbox
{
    public Task<long> AppendAsync(InboxItem item, CancellationToken cancellationToken) => writer.AppendAsync(item, cancellationToken);

    public async Task<IReadOnlyList<InboxRow>> ReadPendingAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenInboxAsync(cancellationToken).ConfigureAwait(false);
        var sql = connections.Dialect.Limit(
            "SELECT id AS Id, received_at AS ReceivedAt, channel AS Channel, signature_verified AS SignatureVerified, body AS Body " +
            "FROM inbox WHERE processed_at IS NULL ORDER BY id", "@limit");
        var rows = await connection.QueryAsync<InboxRow>(new CommandDefinition(sql, new { limit }, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return rows.AsList();
    }

    public async Task MarkProcessedAsync(StoreSession session, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var args = new { at = time.GetUtcNow().ToUnixTimeMilliseconds(), ids };
        if (connections.SeparateInbox)
        {
            await using var inbox = await connections.OpenInboxAsync(cancellationToken).ConfigureAwait(false);
            await inbox.ExecuteAsync(new CommandDefinition(MarkSql, args, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return;
        }

        var (connection, transaction) = await session.BeginAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(MarkSql, args, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private const string MarkSql = "UPDATE inbox SET processed_at = @at WHERE id IN @ids";

    public async Task<(long Count, long? OldestReceivedAt)> LagAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenInboxAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleAsync<(long, long?)>(new CommandDefinition(
            "SELECT COUNT(*), MIN(received_at) FROM inbox WHERE processed_at IS NULL", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row;
    }
}
