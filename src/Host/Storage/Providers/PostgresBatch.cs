using System.Text.RegularExpressions;
using Normalizer.Storage;
using Npgsql;

namespace Normalizer.Host.Storage.Providers;

/// <summary>
/// <see cref="IStoreConnectionFactory.InsertEachAsync"/> on PostgreSQL: every run is a command of one <see cref="NpgsqlBatch"/>,
/// sent in one round trip, with the statement's <c>@name</c> placeholders turned into the positional <c>$n</c> a batch needs.
/// </summary>
internal static partial class PostgresBatchInsert
{
    public static async ValueTask<long[]> RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql,
        IReadOnlyList<string> parameters, int rows, Action<IRowValues, int> bind, CancellationToken cancellationToken)
    {
        var positional = Placeholder().Replace(sql, match =>
            parameters.IndexOf(match.Value) is var index and >= 0 ? "$" + (index + 1) : match.Value);
        await using var batch = new NpgsqlBatch(connection, transaction);
        for (var i = 0; i < rows; i++)
        {
            var command = new NpgsqlBatchCommand(positional);
            for (var p = 0; p < parameters.Count; p++)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value });
            }

            bind(new TypedRowValues(command.Parameters, PostgresPreparedCommand.SetType), i);
            batch.BatchCommands.Add(command);
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
