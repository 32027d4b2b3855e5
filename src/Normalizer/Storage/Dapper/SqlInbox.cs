using Dapper;

namespace Normalizer.Storage.Dapper;

/// <summary>The inbox in the store: appends through the group-commit writer, reads in arrival order.</summary>
internal sealed class SqlInbox(InboxWriter writer, IStoreConnectionFactory connections, TimeProvider time) : IInbox
{
    private string? _pendingSql;

    public Task<long> AppendAsync(InboxItem item, CancellationToken cancellationToken) => writer.AppendAsync(item, cancellationToken);

    public async Task<IReadOnlyList<InboxRow>> ReadPendingAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenInboxAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<InboxRow>(new CommandDefinition(PendingSql, new { limit }, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return rows.AsList();
    }

    public async Task<IReadOnlyList<InboxRow>> ReadPendingAsync(StoreSession session, int limit, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await session.BeginAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<InboxRow>(new CommandDefinition(PendingSql, new { limit }, transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    private string PendingSql => _pendingSql ??= connections.Dialect.Limit(
        "SELECT id AS Id, received_at AS ReceivedAt, channel AS Channel, signature_verified AS SignatureVerified, body AS Body, attempts AS Attempts " +
        "FROM inbox WHERE processed_at IS NULL ORDER BY id", "@limit");

    public async Task MarkProcessedAsync(StoreSession session, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (connections.SeparateInbox)
        {
            await using var inbox = await connections.OpenInboxAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await inbox.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            using (var mark = connections.Prepare(inbox, transaction, MarkSql, MarkParameters))
            {
                await MarkAsync(mark, at, ids, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        if (connections.Shared)
        {
            // A database server: one statement with the ids as one array, one round trip for the whole batch.
            var (connection, transaction) = await session.BeginAsync(cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE inbox SET processed_at = @at WHERE {connections.Dialect.InList("id", "@ids")}", new { at, ids }, transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            return;
        }

        var command = await session.CommandAsync(MarkSql, MarkParameters, cancellationToken).ConfigureAwait(false);
        await MarkAsync(command, at, ids, cancellationToken).ConfigureAwait(false);
    }

    // SQLite (in process, no round trip): one prepared statement run per row; an "IN (@ids…)" list of a whole batch makes
    // the engine look up each of its hundreds of parameter names among all the others on every bind.
    private static async Task MarkAsync(IPreparedCommand mark, long at, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        mark.Set(0, at);
        foreach (var id in ids)
        {
            mark.Set(1, id);
            await mark.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private const string MarkSql = "UPDATE inbox SET processed_at = @at WHERE id = @id";

    private static readonly string[] MarkParameters = ["@at", "@id"];

    public async Task CountAttemptAsync(long first, long last, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenInboxAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE inbox SET attempts = attempts + 1 WHERE id >= @first AND id <= @last AND processed_at IS NULL",
            new { first, last }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<(long Count, long? OldestReceivedAt)> LagAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenInboxAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleAsync<(long, long?)>(new CommandDefinition(
            "SELECT COUNT(*), MIN(received_at) FROM inbox WHERE processed_at IS NULL", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row;
    }
}
