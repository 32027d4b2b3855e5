using Dapper;
using Normalizer.Delivery;
using Normalizer.Events;

namespace Normalizer.Storage.Dapper;

/// <summary>Subscriptions; filter lists are stored comma-separated (their values never contain commas).</summary>
internal sealed class SqlSubscriptionStore(IStoreConnectionFactory connections) : ISubscriptionStore
{
    private const string Columns =
        "id AS Id, url AS Url, secret AS Secret, platforms AS Platforms, page_ids AS PageIds, events AS Events, created_at AS CreatedAt";

    public async Task AddAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO subscriptions (id, url, secret, platforms, page_ids, events, created_at) " +
            "VALUES (@Id, @Url, @Secret, @Platforms, @PageIds, @Events, @CreatedAt)",
            new
            {
                subscription.Id, Url = subscription.Url.AbsoluteUri, subscription.Secret,
                Platforms = Join(subscription.Platforms?.Select(p => p.ToWire())), PageIds = Join(subscription.PageIds),
                Events = Join(subscription.Events), CreatedAt = subscription.CreatedAt.ToUnixTimeMilliseconds(),
            }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM subscriptions ORDER BY created_at, id", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(ToSubscription).ToList();
    }

    public async Task<Subscription?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM subscriptions WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : ToSubscription(row);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM subscriptions WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        // Its cursors and parked conversations go with it: nothing more is sent, and what was parked is listed as dead.
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM delivery_cursors WHERE subscription_id = @id; DELETE FROM delivery_retries WHERE subscription_id = @id",
            new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted > 0;
    }

    private static string? Join(IEnumerable<string>? values) => values is null ? null : string.Join(',', values);

    private static string[]? Split(string? value) => value is null ? null : value.Split(',');

    private static Subscription ToSubscription(Row row) => new()
    {
        Id = row.Id,
        Url = new Uri(row.Url, UriKind.Absolute),
        Secret = row.Secret,
        Platforms = Split(row.Platforms)?.Select(p => PlatformNames.TryParse(p, out var platform)
            ? platform : throw new InvalidOperationException($"subscription {row.Id} has an unknown platform")).ToList(),
        PageIds = Split(row.PageIds),
        Events = Split(row.Events),
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAt),
    };

    private sealed record Row(string Id, string Url, string Secret, string? Platforms, string? PageIds, string? Events, long CreatedAt);
}
