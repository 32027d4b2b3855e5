using System.Text.RegularExpressions;
using Normalizer.Storage;
using Npgsql;

namespace Normalizer.Host.Storage.Providers;

/// <summary>
/// Statements sent in one round trip on PostgreSQL (<see cref="IStoreConnectionFactory.InsertEachAsync"/>,
/// <see cref="IStoreConnectionFactory.ExecuteDeferredAsync"/>): each a command of one <see cref="NpgsqlBatch"/>, with its
/// <c>@name</c> placeholders turned into the positional <c>$n</c> a batch needs.
/// </summary>
internal static partial class PostgresBatch
{
    public static async ValueTask<long[]> RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql,
        IReadOnlyList<string> parameters, int rows, Action<IRowValues, int> bind, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        for (var i = 0; i < rows; i++)
        {
            bind(Add(batch, sql, parameters), i);
        }

        var ids = new long[rows];
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < rows; i++)
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException("The insert returned no id.");
            }

            ids[i] = reader.GetInt64(0);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        }

        return ids;
    }

    /// <summary><see cref="IStoreConnectionFactory.ExecuteDeferredAsync"/>: the statements as one batch, one round trip.</summary>
    public static async ValueTask ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<DeferredStatement> statements,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var statement in statements)
        {
            statement.CopyTo(Add(batch, statement.Sql, statement.Parameters));
        }

        if (!statements.Any(s => s.Returned is not null))
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        // The reader passes over the statements that return no rows; each statement with RETURNING is a result of its
        // own (empty when it inserted nothing), in the order of the batch.
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        foreach (var statement in statements)
        {
            if (statement.Returned is not { } returned)
            {
                continue;
            }

            returned(await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? reader.GetInt64(0) : null);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        }

        // The statements after the last result: their errors surface here, not at a dispose.
        while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
        }
    }

    // A command of the batch with its values typed as they are set (positional: a batch takes no named parameters).
    private static TypedRowValues Add(NpgsqlBatch batch, string sql, IReadOnlyList<string> parameters)
    {
        var command = new NpgsqlBatchCommand(Positional.GetOrAdd(sql, static (text, names) =>
            Placeholder().Replace(text, match => names.IndexOf(match.Value) is var index and >= 0 ? "$" + (index + 1) : match.Value), parameters));
        for (var p = 0; p < parameters.Count; p++)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value });
        }

        batch.BatchCommands.Add(command);
        return new TypedRowValues(command.Parameters, PostgresPreparedCommand.SetType);
    }

    // The positional text of each statement (a few constant texts).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Positional = new(StringComparer.Ordinal);

    private static int IndexOf(this IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Placeholder();
}
