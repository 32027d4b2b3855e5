using System.Data.Common;
using System.Text;
using Normalizer.Storage;

namespace Normalizer.Host.Storage.Providers;

/// <summary>
/// Values set by position into a database server's parameters, each typed by its provider as it is set (text, integer,
/// bytes), so that a NULL needs no guess and every run sends the same parameter types.
/// </summary>
internal sealed class TypedRowValues(DbParameterCollection parameters, Action<DbParameter, TypedRowValues.Kind> setType) : IRowValues
{
    /// <summary>The kinds of value a statement binds.</summary>
    public enum Kind
    {
        Text,
        Integer,
        Bytes,
    }

    public void Set(int index, string? value) => Bind(index, Kind.Text, value);

    public void Set(int index, long? value) => Bind(index, Kind.Integer, value);

    public void SetUtf8(int index, ReadOnlySpan<byte> text) => Bind(index, Kind.Text, Encoding.UTF8.GetString(text));

    public void SetBlob(int index, ReadOnlySpan<byte> value) => Bind(index, Kind.Bytes, value.ToArray());

    private void Bind(int index, Kind kind, object? value)
    {
        var parameter = parameters[index];
        setType(parameter, kind);
        parameter.Value = value ?? DBNull.Value;
    }
}
