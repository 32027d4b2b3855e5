using System.Text.Json;
using Normalizer.Sending;

namespace Normalizer.Tests.Sending;

public sealed class SendErrorKindWireTests
{
    public static TheoryData<SendErrorKind> Kinds => new(Enum.GetValues<SendErrorKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Wire_EveryKind_EqualsItsJsonName(SendErrorKind kind)
    {
        var json = JsonSerializer.Serialize(kind).Trim('"');

        Assert.Equal(json, SendService.Wire(kind));
    }
}
