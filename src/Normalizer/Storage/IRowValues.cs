namespace Normalizer.Storage;

/// <summary>The values of one run of a statement, set by position (the order of the parameter names it was prepared with).</summary>
public interface IRowValues
{
    /// <summary>Binds text, or NULL.</summary>
    void Set(int index, string? value);

    /// <summary>Binds an integer, or NULL.</summary>
    void Set(int index, long? value);

    /// <summary>Binds text given as UTF-8 (copied: the span may be reused after the call).</summary>
    void SetUtf8(int index, ReadOnlySpan<byte> text);

    /// <summary>Binds bytes as a BLOB (copied: the span may be reused after the call).</summary>
    void SetBlob(int index, ReadOnlySpan<byte> value);
}
