namespace Normalizer.Storage;

/// <summary>
/// A statement whose result nobody waits for, with its values, kept by the <see cref="StoreSession"/> until it sends the
/// session's deferred statements together (<see cref="IStoreConnectionFactory.ExecuteDeferredAsync"/>): on a database
/// server, one round trip for many of them. A statement that returns a value (an insert's new key) hands it to
/// <paramref name="returned"/> when it is sent: the first column of its first row, or null when it returned no row.
/// </summary>
public sealed class DeferredStatement(string sql, IReadOnlyList<string> parameters, Action<long?>? returned = null) : IRowValues
{
    private readonly object?[] _values = new object?[parameters.Count];
    private readonly bool[] _integers = new bool[parameters.Count];

    /// <summary>The statement.</summary>
    public string Sql => sql;

    /// <summary>Its parameter names, in the order of the values.</summary>
    public IReadOnlyList<string> Parameters => parameters;

    /// <summary>What to do with the value the statement returns, when it is sent; null when it returns none.</summary>
    public Action<long?>? Returned => returned;

    /// <inheritdoc />
    public void Set(int index, string? value) => (_values[index], _integers[index]) = (value, false);

    /// <inheritdoc />
    public void Set(int index, long? value) => (_values[index], _integers[index]) = (value, true);

    /// <inheritdoc />
    public void SetUtf8(int index, ReadOnlySpan<byte> text) => Set(index, System.Text.Encoding.UTF8.GetString(text));

    /// <inheritdoc />
    public void SetBlob(int index, ReadOnlySpan<byte> value) => (_values[index], _integers[index]) = (value.ToArray(), false);

    /// <summary>Sets the kept values on <paramref name="target"/>, in order.</summary>
    public void CopyTo(IRowValues target)
    {
        ArgumentNullException.ThrowIfNull(target);
        for (var i = 0; i < _values.Length; i++)
        {
            switch (_values[i])
            {
                case byte[] bytes:
                    target.SetBlob(i, bytes);
                    break;
                case string text:
                    target.Set(i, text);
                    break;
                case long integer:
                    target.Set(i, integer);
                    break;
                default:
                    if (_integers[i])
                    {
                        target.Set(i, (long?)null);
                    }
                    else
                    {
                        target.Set(i, (string?)null);
                    }

                    break;
            }
        }
    }
}
