using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Normalizer.Storage;

/// <summary>
/// <see cref="IPreparedCommand"/> over a plain ADO.NET <see cref="DbCommand"/> (<see cref="DbCommand.Prepare"/>d, values
/// set through its parameters by position): the default of <see cref="IStoreConnectionFactory.Prepare"/>.
/// </summary>
public sealed class DbPreparedCommand : IPreparedCommand
{
    private readonly DbCommand _command;

    /// <summary>Creates and prepares <paramref name="sql"/> in <paramref name="transaction"/>.</summary>
    public DbPreparedCommand(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<string> parameters)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        _command.Transaction = transaction;
        foreach (var name in parameters)
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = name;
            _command.Parameters.Add(parameter);
        }

        _command.Prepare();
    }

    /// <inheritdoc />
    public void Set(int index, string? value) => _command.Parameters[index].Value = (object?)value ?? DBNull.Value;

    /// <inheritdoc />
    public void Set(int index, long? value) => _command.Parameters[index].Value = value is { } v ? v : DBNull.Value;

    /// <inheritdoc />
    public void SetUtf8(int index, ReadOnlySpan<byte> text) => _command.Parameters[index].Value = Encoding.UTF8.GetString(text);

    /// <inheritdoc />
    public void SetBlob(int index, ReadOnlySpan<byte> value) => _command.Parameters[index].Value = value.ToArray();

    /// <inheritdoc />
    public async ValueTask<int> ExecuteAsync(CancellationToken cancellationToken) =>
        await _command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<long?> ExecuteInt64Async(CancellationToken cancellationToken) =>
        await _command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } value and not DBNull
            ? Convert.ToInt64(value, CultureInfo.InvariantCulture)
            : null;

    /// <inheritdoc />
    public void Dispose() => _command.Dispose();
}
