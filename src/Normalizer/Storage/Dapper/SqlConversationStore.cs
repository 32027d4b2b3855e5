using Dapper;
using Normalizer.Events;
using Normalizer.Identity;

namespace Normalizer.Storage.Dapper;

internal sealed class SqlConversationStore(IStoreConnectionFactory connections) : IConversationStore
{
    public async Task<Conversation?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT id AS Id, platform AS Platform, page_id AS PageId, user_id AS UserId, last_inbound_at AS LastInboundAt FROM conversations WHERE id = @conversationId",
            new { conversationId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row is null || !PlatformNames.TryParse(row.Platform, out var platform))
        {
            return null;
        }

        return new Conversation(row.Id, platform, row.PageId, row.UserId,
            row.LastInboundAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null);
    }

    private sealed record Row(string Id, string Platform, string PageId, string UserId, long? LastInboundAt);
}
