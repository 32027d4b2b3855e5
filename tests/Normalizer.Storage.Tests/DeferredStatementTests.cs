namespace Normalizer.Storage.Tests;

public sealed class DeferredStatementTests
{
    [Fact]
    public void CopyTo_SetsEachKeptValue_WithItsKind_NullsIncluded()
    {
        var statement = new DeferredStatement("INSERT INTO t (a, b, c, d, e, f) VALUES (@a, @b, @c, @d, @e, @f)", ["@a", "@b", "@c", "@d", "@e", "@f"]);
        statement.Set(0, "text");
        statement.Set(1, 42L);
        statement.Set(2, (string?)null);
        statement.Set(3, (long?)null);
        statement.SetUtf8(4, "é"u8);
        var bytes = new byte[] { 1, 2 };
        statement.SetBlob(5, bytes);
        bytes[0] = 9; // the statement kept a copy

        var target = new Recorded();
        statement.CopyTo(target);

        Assert.Equal(["0 text text", "1 integer 42", "2 text null", "3 integer null", "4 text é", "5 bytes 1,2"], target.Calls);
    }

    private sealed class Recorded : IRowValues
    {
        public List<string> Calls { get; } = [];

        public void Set(int index, string? value) => Calls.Add($"{index} text {value ?? "null"}");

        public void Set(int index, long? value) => Calls.Add($"{index} integer {(value is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null")}");

        public void SetUtf8(int index, ReadOnlySpan<byte> text) => Calls.Add($"{index} utf8 {System.Text.Encoding.UTF8.GetString(text)}");

        public void SetBlob(int index, ReadOnlySpan<byte> value) => Calls.Add($"{index} bytes {string.Join(",", value.ToArray())}");
    }
}
