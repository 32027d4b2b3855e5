using System.Text;
using System.Text.Json;
using Normalizer.Json;

namespace Normalizer.Tests.Json;

/// <summary>The reader's tolerant reads give what Meta's values mean, and leave the reader past the value.</summary>
public sealed class JsonReaderExtensionsTests
{
    [Theory]
    [InlineData("\"hello\"", "hello")]
    [InlineData("\"caf\\u00e9 \\\"q\\\"\"", "café \"q\"")]
    [InlineData("12345678901234567890123", "12345678901234567890123")]
    [InlineData("-1.50e3", "-1.50e3")]
    [InlineData("null", null)]
    [InlineData("true", null)]
    [InlineData("{\"a\":[1,{\"b\":2}]}", null)]
    [InlineData("[\"x\",\"y\"]", null)]
    public void ReadText_AnyValue_GivesStringsAndNumbersDigitForDigit(string value, string? expected)
    {
        Assert.Equal(expected, Read(value, (ref Utf8JsonReader r) => r.ReadText()));
    }

    [Theory]
    [InlineData("\"104523987765432\"", true)]
    [InlineData("104523987765432", false)]
    [InlineData("\"10452398776543\"", false)]
    public void ReadText_ValueEqualToTheKnownId_GivesTheKnownString(string value, bool same)
    {
        // Arrange
        var known = new string("104523987765432".AsSpan());

        // Act
        var sut = Read(value, (ref Utf8JsonReader r) => r.ReadText(known));

        // Assert
        Assert.Equal(same, ReferenceEquals(known, sut));
    }

    [Theory]
    [InlineData("\"page\"", "page", true)]
    [InlineData("\"instagram\"", "instagram", true)]
    [InlineData("\"p\\u0061ge\"", "page", false)]
    [InlineData("\"pages\"", "pages", false)]
    [InlineData("7", "7", false)]
    [InlineData("{}", null, false)]
    public void ReadText_OneOfSeveralKnownValues_GivesThatString(string value, string? expected, bool known)
    {
        // Arrange
        string[] objects = [new("page".AsSpan()), new("instagram".AsSpan()), new("whatsapp_business_account".AsSpan())];

        // Act
        var sut = Read(value, (ref Utf8JsonReader r) => r.ReadText(objects));

        // Assert
        Assert.Equal(expected, sut);
        Assert.Equal(known, objects.Any(o => ReferenceEquals(o, sut)));
    }

    [Theory]
    [InlineData("1763770000123", 1763770000123L)]
    [InlineData("\"1763770000123\"", 1763770000123L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("9223372036854775808", null)]
    [InlineData("1.5", null)]
    [InlineData("\"-5\"", null)]
    [InlineData("\" 5\"", null)]
    [InlineData("\"\"", null)]
    [InlineData("[1]", null)]
    [InlineData("false", null)]
    public void ReadLong_AnyValue_GivesWholeNumbersAndNumericStrings(string value, long? expected)
    {
        Assert.Equal(expected, Read(value, (ref Utf8JsonReader r) => r.ReadLong()));
    }

    [Theory]
    [InlineData("38.7105", 38.7105)]
    [InlineData("\"-9.1366\"", -9.1366)]
    [InlineData("1e2", 100.0)]
    [InlineData("\"north\"", null)]
    [InlineData("{}", null)]
    public void ReadDouble_AnyValue_GivesNumbersAndNumericStrings(string value, double? expected)
    {
        Assert.Equal(expected, Read(value, (ref Utf8JsonReader r) => r.ReadDouble()));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"true\"", null)]
    [InlineData("1", null)]
    [InlineData("{\"x\":true}", null)]
    public void ReadBool_AnyValue_GivesOnlyBooleans(string value, bool? expected)
    {
        Assert.Equal(expected, Read(value, (ref Utf8JsonReader r) => r.ReadBool()));
    }

    [Theory]
    [InlineData("{\"a\":1,\"b\":{\"c\":[2]}}", true, 2)]
    [InlineData("{}", true, 0)]
    [InlineData("[1,2]", false, 0)]
    [InlineData("\"o\"", false, 0)]
    public void EnterObject_AnyValue_EntersOnlyObjects(string value, bool entered, int properties)
    {
        // Act
        var count = -1;
        var sut = Read(value, (ref Utf8JsonReader r) =>
        {
            var isObject = r.EnterObject();
            count = 0;
            while (isObject && r.NextProperty())
            {
                count++;
                r.Skip();
            }

            return isObject;
        });

        // Assert
        Assert.Equal(entered, sut);
        Assert.Equal(properties, count);
    }

    [Theory]
    [InlineData("[1,\"a\",{\"b\":[]},[3]]", true, 4)]
    [InlineData("[]", true, 0)]
    [InlineData("{\"a\":[1]}", false, 0)]
    [InlineData("null", false, 0)]
    public void EnterArray_AnyValue_EntersOnlyArrays(string value, bool entered, int items)
    {
        // Act
        var count = -1;
        var sut = Read(value, (ref Utf8JsonReader r) =>
        {
            var isArray = r.EnterArray();
            count = 0;
            while (isArray && r.NextItem())
            {
                count++;
                r.Skip();
            }

            return isArray;
        });

        // Assert
        Assert.Equal(entered, sut);
        Assert.Equal(items, count);
    }

    private delegate T ReadValue<out T>(ref Utf8JsonReader reader);

    // Reads the value of "v" in {"v":<value>,"after":0} and checks that the reader then stands before "after".
    private static T Read<T>(string value, ReadValue<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes($"{{\"v\":{value},\"after\":0}}"));
        reader.Read();
        Assert.True(reader.NextProperty());
        var result = read(ref reader);
        Assert.True(reader.NextProperty());
        Assert.True(reader.ValueTextEquals("after"u8));
        return result;
    }
}
