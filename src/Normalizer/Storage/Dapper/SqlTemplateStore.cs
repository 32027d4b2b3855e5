using Dapper;
using Normalizer.Templates;

namespace Normalizer.Storage.Dapper;

internal sealed class SqlTemplateStore(IStoreConnectionFactory connections) : ITemplateStore
{
    private const string Columns = "SELECT name AS Name, locale AS Locale, body AS Body, updated_at AS UpdatedAt FROM templates";

    public async Task<TemplateDefinition?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Columns + " WHERE name = @name ORDER BY locale", new { name }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return Group(rows).FirstOrDefault();
    }

    public async Task<IReadOnlyList<TemplateDefinition>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Columns + " ORDER BY name, locale", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return Group(rows).ToList();
    }

    // Two hosts at once: the loser runs again (UniqueRace).
    public Task<bool> ReplaceAsync(string name, IReadOnlyDictionary<string, string> variants, DateTimeOffset updatedAt, CancellationToken cancellationToken) =>
        UniqueRace.RetryAsync(connections, () => ReplaceOnceAsync(name, variants, updatedAt, cancellationToken));

    private async Task<bool> ReplaceOnceAsync(string name, IReadOnlyDictionary<string, string> variants, DateTimeOffset updatedAt,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var removed = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM templates WHERE name = @name", new { name }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var at = updatedAt.ToUnixTimeMilliseconds();
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO templates (name, locale, body, updated_at) VALUES (@name, @locale, @body, @at)",
            variants.Select(v => new { name, locale = v.Key, body = v.Value, at }).ToList(),
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return removed == 0;
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM templates WHERE name = @name", new { name }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    private static IEnumerable<TemplateDefinition> Group(IEnumerable<Row> rows) => rows
        .GroupBy(r => r.Name, StringComparer.Ordinal)
        .Select(g => new TemplateDefinition(
            g.Key,
            g.ToDictionary(r => r.Locale, r => r.Body, StringComparer.Ordinal),
            DateTimeOffset.FromUnixTimeMilliseconds(g.Max(r => r.UpdatedAt))));

    private sealed record Row(string Name, string Locale, string Body, long UpdatedAt);
}
