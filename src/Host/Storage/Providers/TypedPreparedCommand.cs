using System.Data.Common;
using Normalizer.Storage;

namespace Normalizer.Host.Storage.Providers;

/// <summary>
/// A statement run many times on one connection of a database server, its values typed by the provider as they are set
/// (<see cref="TypedRowValues"/>).
/// </summary>
internal class TypedPreparedCommand : IPreparedCommand
{
    private readonly DbCommand _command;
    private readonly TypedRowValues _values;

    public TypedPreparedCommand(DbCommand command, IReadOnlyList<string> parameters, Action<DbParameter, TypedRowValues.Kind> setType)
    {
        _command = command;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }

        _values = new TypedRowValues(command.Parameters, setType);
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
