using System.Text.Json;
using Dapper;
using Normalizer.Events;
using Normalizer.Json;
using Normalizer.Sending;

namespace Normalizer.Storage.Dapper;

internal sealed class SqlPendingSendStore(IStoreConnectionFactory connections, TimeProvider time) : IPendingSendStore
{
    public async Task<string> AddAsync(string personId, SendRequest request, CancellationToken cancellationToken)
    {
        var id = "snd_" + Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO pending_sends (id, person_id, platform, page_id, request, status, created_at, updated_at)
            VALUES (@id, @personId, @platform, @pageId, @request, 'pending', @now, @now)
            """, new
        {
            id, personId, platform = request.Platform?.ToWire() ?? "", pageId = request.PageId ?? "",
            request = JsonSerializer.Serialize(request, NormalizerJsonContext.Default.SendRequest), now,
        }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return id;
    }

    public async Task<IReadOnlyList<PendingSend>> ListPendingAsync(string personId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Id, string Request)>(new CommandDefinition(
            "SELECT id, request FROM pending_sends WHERE person_id = @personId AND status IN ('pending', 'sending') ORDER BY created_at, id",
            new { personId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new PendingSend(r.Id, personId, JsonSerializer.Deserialize(r.Request, NormalizerJsonContext.Default.SendRequest)!)).ToList();
    }

    public async Task<bool> HasPendingAsync(string scopedId, string scopeId, CancellationToken cancellationToken)
    {
        // The contact by its unique key, then the person's queue by ix_pending_sends_person.
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM contacts c JOIN pending_sends p ON p.person_id = c.person_id AND p.status IN ('pending', 'sending') " +
            "WHERE c.scoped_id = @scopedId AND c.scope_id = @scopeId",
            new { scopedId, scopeId }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    public async Task<bool> ClaimAsync(string id, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE pending_sends SET status = 'sending', updated_at = @now WHERE id = @id " +
            "AND (status = 'pending' OR (status = 'sending' AND updated_at < @stale))",
            new { id, now = now.ToUnixTimeMilliseconds(), stale = (now - staleAfter).ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    public async Task CompleteAsync(string id, SendResult result, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE pending_sends SET status = @status, result = @result, updated_at = @now WHERE id = @id",
            new
            {
                id, status = result.Status == SendStatus.Sent ? "sent" : "failed",
                result = JsonSerializer.Serialize(result, NormalizerJsonContext.Default.SendResult), now = time.GetUtcNow().ToUnixTimeMilliseconds(),
            }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
