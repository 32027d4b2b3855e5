using System.Data.Common;
using System.Text;
using Normalizer.Storage;

namespace Normalizer.Host.Storage.Providers;

/// <summary>
/// A statement run many times on one connection of a database server, each value typed by its provider as it is set
/// (text, integer, bytes), so that a NULL needs no guess and every run sends the same parameter types.
/// </summary>
internal abstract class TypedPreparedCommand : IPreparedCommand
{
    private readonly DbCommand _command;

    protected TypedPreparedCommand(DbCommand command, IReadOnlyList<string> parameters)
    {
        _command = command;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }

    /// <summary>The kinds of value a statement binds.</summary>
    protected enum Kind
    {
        Text,
        Integer,
        Bytes,
    }

    public void Set(int index, string? value) => Bind(index, Kind.Text, value);

    public void Set(int index, long? value) => Bind(index, Kind.Integer, value);

    public void SetUtf8(int index, ReadOnlySpan<byte> text) => Bind(index, Kind.Text, Encoding.UTF8.GetString(text));

    public void SetBlob(int index, ReadOnlySpan<byte> value) => Bind(index, Kind.Bytes, value.ToArray());

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

    /// <summary>Sets the provider's type of <paramref name="parameter"/> for a value of <paramref name="kind"/>.</summary>
    protected abstract void SetType(DbParameter parameter, Kind kind);

    private void Bind(int index, Kind kind, object? value)
    {
        var parameter = _command.Parameters[index];
        SetType(parameter, kind);
        parameter.Value = value ?? DBNull.Value;
    }
}
