using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Normalizer.Host.Storage.Providers;

/// <summary>
/// A statement run many times on one Npgsql connection, its values typed as they are set (text, bigint, bytea), so that
/// a NULL needs no guess. The server-side prepare is Npgsql's automatic one (<c>Max Auto Prepare</c>, set by
/// <see cref="PostgresConnectionFactory"/>): a statement run again on the same physical connection is not parsed again.
/// </summary>
internal sealed class PostgresPreparedCommand(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, IReadOnlyList<string> parameters)
    : TypedPreparedCommand(new NpgsqlCommand(sql, connection, transaction), parameters)
{
    protected override void SetType(DbParameter parameter, Kind kind) => ((NpgsqlParameter)parameter).NpgsqlDbType = kind switch
    {
        Kind.Text => NpgsqlDbType.Text,
        Kind.Integer => NpgsqlDbType.Bigint,
        _ => NpgsqlDbType.Bytea,
    };
}
