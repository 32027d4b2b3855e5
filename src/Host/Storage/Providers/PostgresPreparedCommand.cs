using System.Text;
using Normalizer.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Normalizer.Host.Storage.Providers;

/// <summary>
/// A statement run many times on one Npgsql connection, its values typed as they are set (text, bigint, bytea), so that
/// a NULL needs no guess. The server-side prepare is Npgsql's automatic one (<c>Max Auto Prepare</c>, set by
/// <see cref="PostgresConnectionFactory"/>): a statement run again on the same physical connection is not parsed again.
/// </summary>
internal sealed class PostgresPreparedCommand : IPreparedCommand
{
    private readonly NpgsqlCommand _command;

    public PostgresPreparedCommand(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, IReadOnlyList<string> parameters)
    {
        _command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var name in parameters)
        {
            _command.Parameters.Add(new NpgsqlParameter { ParameterName = name, Value = DBNull.Value });
        }
    }

    public void Set(int index, string? value) => Bind(index, NpgsqlDbType.Text, value);

    public void Set(int index, long? value) => Bind(index, NpgsqlDbType.Bigint, value);

    public void SetUtf8(int index, ReadOnlySpan<byte> text) => Bind(index, NpgsqlDbType.Text, Encoding.UTF8.GetString(text));

    public void SetBlob(int index, ReadOnlySpan<byte> value) => Bind(index, NpgsqlDbType.Bytea, value.ToArray());

    public async ValueTask<int> ExecuteAsync(CancellationToken cancellationToken) =>
        await _command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

    public async ValueTask<long?> ExecuteInt64Async(CancellationToken cancellationToken) =>
        await _command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) switch
        {
            long value => value,
            int value => value,
            _ => null,
        };

    public void Dispose() => _command.Dispose();

    private void Bind(int index, NpgsqlDbType type, object? value)
    {
        var parameter = _command.Parameters[index];
        parameter.NpgsqlDbType = type;
        parameter.Value = value ?? DBNull.Value;
    }
}
