using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Normalizer.Host.Storage.Providers;

/// <summary>
/// A statement run many times on one Npgsql connection, its values typed as they are set (text, bigint, bytea). The
/// server-side prepare is Npgsql's automatic one (<c>Max Auto Prepare</c>, set by <see cref="PostgresConnectionFactory"/>):
/// a statement run again on the same physical connection is not parsed again.
/// </summary>
internal sealed class PostgresPreparedCommand(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, IReadOnlyList<string> parameters)
    : TypedPreparedCommand(new NpgsqlCommand(sql, connection, transaction), parameters, SetType)
{
    /// <summary>PostgreSQL's type for a value of <paramref name="kind"/>.</summary>
    public static void SetType(DbParameter parameter, TypedRowValues.Kind kind) => ((NpgsqlParameter)parameter).NpgsqlDbType = kind switch
    {
        TypedRowValues.Kind.Text => NpgsqlDbType.Text,
        TypedRowValues.Kind.Integer => NpgsqlDbType.Bigint,
        _ => NpgsqlDbType.Bytea,
    };
}
