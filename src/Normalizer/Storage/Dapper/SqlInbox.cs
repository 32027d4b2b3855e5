using System.Data.Common;
using Dapper;

namespace Normalizer.Storage.Dapper;

/// <summary>The inbox in the store: appends through the group-commit writer, reads in arrival order.</summary>
internal sealed class SqlInbox(InboxWriter writer, IStoreConnectionFactory connections, TimeProvider time) : IInbox
{
    private string? _pendingSql;

    public Task<long> AppendAsync(InboxItem item, CancellationToken cancellationToken) => writer.AppendAsync(item, cancellationToken);

    public async Task<IReadOnlyList<InboxRow>> ReadPendingAsync(int limit, long maxBytes, CancellationToken cancellationToken)
    {
        long through = 0;
        if (!connections.Shared)
        {
            await using var events = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
            through = await ThroughAsync(events, null, cancellationToken).ConfigureAwait(false);
        }

        await using var connection = await connections.OpenInboxAsync(cancellationToken).ConfigureAwait(false);
        return await TakeAsync(connection, null, new { limit, through }, maxBytes, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<InboxRow>> ReadPendingAsync(StoreSession session, int limit, long maxBytes, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await session.BeginAsync(cancellationToken).ConfigureAwait(false);
        if (!connections.Shared)
        {
            // The progress is in the session's store; the rows may be in a file of their own.
            var through = await ThroughAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await using var inbox = await connections.OpenInboxAsync(cancellationToken).ConfigureAwait(false);
            return await TakeAsync(inbox, null, new { limit, through }, maxBytes, cancellationToken).ConfigureAwait(false);
        }

        return await TakeAsync(connection, transaction, new { limit, through = 0L }, maxBytes, cancellationToken).ConfigureAwait(false);
    }

    // Reads the pending rows one by one and stops at the row that brings the bodies to maxBytes: the rows after it are not
    // read (SQLite steps no further; a server's remaining rows are passed over when the reader closes).
    private async Task<IReadOnlyList<InboxRow>> TakeAsync(DbConnection connection, DbTransaction? transaction, object parameters, long maxBytes,
        CancellationToken cancellationToken)
    {
        var rows = new List<InboxRow>();
        long bytes = 0;
        await foreach (var row in connection.QueryUnbufferedAsync<InboxRow>(PendingSql, parameters, transaction)
                           .WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
            if ((bytes += row.Body.Length) >= maxBytes)
            {
                break;
            }
        }

        return rows;
    }

    private string PendingSql => _pendingSql ??= connections.Dialect.Limit(
        "SELECT id AS Id, received_at AS ReceivedAt, channel AS Channel, signature_verified AS SignatureVerified, body AS Body, attempts AS Attempts " +
        $"FROM inbox WHERE {Pending} ORDER BY id", "@limit");

    // Which rows wait. SQLite: those above the progress (one writer appends, so ids commit in order). A database server:
    // the rows not marked, since hosts append at once and a smaller id may commit after a larger one was processed.
    private string Pending => connections.Shared ? "processed_at IS NULL" : "id > @through";

    public async Task MarkProcessedAsync(StoreSession session, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        var (connection, transaction) = await session.BeginAsync(cancellationToken).ConfigureAwait(false);
        if (!connections.Shared)
        {
            // The rows processed are always the first pending ones: the progress moves to the last. Its row was made when
            // they were read (ReadPendingAsync); made here if not, every row up to the last is processed all the same.
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO inbox_progress (id, processed_through) VALUES (1, @last) " +
                "ON CONFLICT (id) DO UPDATE SET processed_through = MAX(processed_through, excluded.processed_through)",
                new { last = ids.Max() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return;
        }

        // A database server: one statement with the ids as one array, one round trip for the whole batch.
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE inbox SET processed_at = @at WHERE {connections.Dialect.InList("id", "@ids")}",
            new { at = time.GetUtcNow().ToUnixTimeMilliseconds(), ids }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<long> ProcessedThroughAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!connections.Shared)
        {
            return await ThroughAsync(connection, null, cancellationToken).ConfigureAwait(false);
        }

        // Below the first row still waiting, every row is processed.
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE((SELECT MIN(id) - 1 FROM inbox WHERE processed_at IS NULL), (SELECT MAX(id) FROM inbox), 0)",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    // SQLite's progress; its row is made on first use from the marks of earlier versions (the rows before the first one
    // unmarked were processed), read from the inbox, which may be another file.
    private async Task<long> ThroughAsync(DbConnection events, DbTransaction? transaction,
        CancellationToken cancellationToken)
    {
        if (await events.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT processed_through FROM inbox_progress WHERE id = 1", transaction: transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false) is { } through)
        {
            return through;
        }

        long first;
        await using (var inbox = await connections.OpenInboxAsync(cancellationToken).ConfigureAwait(false))
        {
            first = await inbox.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COALESCE((SELECT MIN(id) - 1 FROM inbox WHERE processed_at IS NULL), (SELECT MAX(id) FROM inbox), 0)",
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await events.ExecuteAsync(new CommandDefinition(
            "INSERT INTO inbox_progress (id, processed_through) VALUES (1, @first) ON CONFLICT (id) DO NOTHING",
            new { first }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return await events.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT processed_through FROM inbox_progress WHERE id = 1", transaction: transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
    }

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
        var through = connections.Shared ? 0 : await ProcessedThroughAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await connections.OpenInboxAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleAsync<(long, long?)>(new CommandDefinition(
            $"SELECT COUNT(*), MIN(received_at) FROM inbox WHERE {Pending}", new { through }, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return row;
    }
}
