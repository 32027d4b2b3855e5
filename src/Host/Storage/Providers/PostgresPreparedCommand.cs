using Normalizer.Storage;
using Npgsql;

namespace Normalizer.Host.Storage.Providers;

/// <summary>
/// A statement run many times on one Npgsql connection, its values typed as they are set (<see cref="PostgresRowValues"/>).
/// The server-side prepare is Npgsql's automatic one (<c>Max Auto Prepare</c>, set by <see cref="PostgresConnectionFactory"/>):
/// a statement run again on the same physical connection is not parsed again.
/// </summary>
internal sealed class PostgresPreparedCommand : IPreparedCommand
{
    private readonly NpgsqlCommand _command;
    private readonly PostgresRowValues _values;

    public PostgresPreparedCommand(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, IReadOnlyList<string> parameters)
    {
        _command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var name in parameters)
        {
            _command.Parameters.Add(new NpgsqlParameter { ParameterName = name, Value = DBNull.Value });
        }

        _values = new PostgresRowValues(_command.Parameters);
    }

    public void Set(int index, string? value) => _values.Set(index, value);

    public void Set(int index, long? value) => _values.Set(index, value);

    public void SetUtf8(int index, ReadOnlySpan<byte> text) => _values.SetUtf8(index, text);

    public void SetBlob(int index, ReadOnlySpan<byte> value) => _values.SetBlob(index, value);

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
}
