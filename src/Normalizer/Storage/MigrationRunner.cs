using System.Data.Common;
using System.Reflection;
using Dapper;

namespace Normalizer.Storage;

/// <summary>
/// Applies the numbered SQL files embedded under <c>Migrations/&lt;dialect&gt;/</c> that are not yet recorded
/// in <c>schema_migrations</c>, each in its own transaction.
/// </summary>
public sealed class MigrationRunner(IStoreConnectionFactory connections, TimeProvider time)
{
    /// <summary>The migrations of a dialect, in order: (version, SQL).</summary>
    public static IReadOnlyList<(int Version, string Sql)> For(string dialect)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"Normalizer.Storage.Migrations.{dialect}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Version: int.Parse(n.AsSpan(prefix.Length, 4), provider: System.Globalization.CultureInfo.InvariantCulture), Sql: Read(assembly, n)))
            .OrderBy(m => m.Version)
            .ToList();
    }

    /// <summary>
    /// Applies pending migrations; returns the versions applied to the store. A separate inbox store gets the
    /// <c>&lt;dialect&gt;_inbox</c> set.
    /// </summary>
    public async Task<IReadOnlyList<int>> ApplyAsync(CancellationToken cancellationToken)
    {
        if (connections.SeparateInbox)
        {
            await using var inbox = await connections.OpenInboxAsync(cancellationToken).ConfigureAwait(false);
            await ApplyAsync(inbox, connections.Dialect.Name + "_inbox", cancellationToken).ConfigureAwait(false);
        }

        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ApplyAsync(connection, connections.Dialect.Name, cancellationToken).ConfigureAwait(false);
    }

    // Each migration in its own transaction. Hosts that start together on one database take turns at the log lock
    // (IStoreConnectionFactory.LockLogAsync) and read what is applied after taking it, so each migration runs once.
    private async Task<IReadOnlyList<int>> ApplyAsync(DbConnection connection, string set, CancellationToken cancellationToken)
    {
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            await connections.LockLogAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(connections.Dialect.CreateMigrationsTable,
                transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        var done = new List<int>();
        foreach (var (version, sql) in For(set))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await connections.LockLogAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM schema_migrations WHERE version = @version",
                    new { version }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0)
            {
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @at)",
                new { version, at = time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture) },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            done.Add(version);
        }

        return done;
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
