using System.Text;
using Normalizer.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Normalizer.Host.Storage.Providers;

/// <summary>Values set by position into Npgsql parameters, typed as they are set (text, bigint, bytea), so that a NULL needs no guess.</summary>
internal sealed class PostgresRowValues(NpgsqlParameterCollection parameters) : IRowValues
{
    public void Set(int index, string? value) => Bind(index, NpgsqlDbType.Text, value);

    public void Set(int index, long? value) => Bind(index, NpgsqlDbType.Bigint, value);

    public void SetUtf8(int index, ReadOnlySpan<byte> text) => Bind(index, NpgsqlDbType.Text, Encoding.UTF8.GetString(text));

    public void SetBlob(int index, ReadOnlySpan<byte> value) => Bind(index, NpgsqlDbType.Bytea, value.ToArray());

    private void Bind(int index, NpgsqlDbType type, object? value)
    {
        var parameter = parameters[index];
        parameter.NpgsqlDbType = type;
        parameter.Value = value ?? DBNull.Value;
    }
}
