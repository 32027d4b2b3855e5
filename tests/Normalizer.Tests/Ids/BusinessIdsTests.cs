using System.Text;
using System.Text.Json;
using Normalizer.Ids;

namespace Normalizer.Tests.Ids;

public sealed class BusinessIdsTests
{
    [Theory]
    [InlineData("""{"id":"104523987765432"}""", "104523987765432")]
    [InlineData("""{"id":17841400000000001234}""", "17841400000000001234")]
    [InlineData("""{"id":"1045\u0032398"}""", "10452398")]
    [InlineData("""{"id":"pág_104523"}""", "pág_104523")]
    [InlineData("""{"id":null}""", null)]
    [InlineData("""{"id":{"nested":"1"}}""", null)]
    [InlineData("""{"id":true}""", null)]
    public void Read_AnyValue_GivesTheTextOfAStringOrNumber(string json, string? expected)
    {
        // Act
        var sut = ReadId(json);

        // Assert
        Assert.Equal(expected, sut);
    }

    [Fact]
    public void Read_AnIdOverSixtyFourCharacters_IsReadWhole()
    {
        // Arrange
        var id = new string('7', 65);

        // Act
        var sut = ReadId($$"""{"id":"{{id}}"}""");

        // Assert
        Assert.Equal(id, sut);
    }

    [Fact]
    public void Read_TheSameIdTwice_GivesTheSameString()
    {
        // Act
        var first = ReadId("""{"id":"104523987765111"}""");
        var second = ReadId("""{"id":"104523987765111"}""");

        // Assert
        Assert.Same(first, second);
    }

    [Fact]
    public void Read_MoreIdsThanItRemembers_StillReadsEachCorrectly()
    {
        // Act
        var ids = Enumerable.Range(0, 10_000).Select(i => ReadId($$"""{"id":"9{{i:D6}}"}""")).ToList();

        // Assert
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => $"9{i:D6}"), ids);
    }

    private static string? ReadId(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        reader.Read();
        var id = BusinessIds.Read(ref reader);
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        return id;
    }
}
