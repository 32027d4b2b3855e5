using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace Normalizer.Host.Storage.Providers;

/// <summary>
/// A statement run many times on one SqlClient connection, its values typed as they are set (NVARCHAR(MAX), BIGINT,
/// VARBINARY(MAX): the MAX types, so that every run sends the same parameter types whatever the length). SqlClient runs it
/// through <c>sp_executesql</c>, whose plan the server caches and reuses for the same text and types.
/// </summary>
internal sealed class SqlServerPreparedCommand(SqlConnection connection, SqlTransaction? transaction, string sql, IReadOnlyList<string> parameters)
    : TypedPreparedCommand(new SqlCommand(sql, connection, transaction), parameters, SetType)
{
    private static void SetType(DbParameter parameter, TypedRowValues.Kind kind)
    {
        var typed = (SqlParameter)parameter;
        typed.SqlDbType = kind switch
        {
            TypedRowValues.Kind.Text => SqlDbType.NVarChar,
            TypedRowValues.Kind.Integer => SqlDbType.BigInt,
            _ => SqlDbType.VarBinary,
        };
        typed.Size = kind == TypedRowValues.Kind.Integer ? 0 : -1;
    }
}
