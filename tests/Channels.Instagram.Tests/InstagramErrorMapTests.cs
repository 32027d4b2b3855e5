using Normalizer.Channels.Instagram;
using Normalizer.Sending;

namespace Normalizer.Channels.Instagram.Tests;

/// <summary>Instagram answers Messenger Platform codes (Meta's Messenger Platform error codes) plus its own rows; classes from Meta: retry guidance.</summary>
public sealed class InstagramErrorMapTests
{
    [Theory]
    [InlineData(551, 1545041, SendErrorKind.InvalidRecipient)]
    [InlineData(200, 1545041, SendErrorKind.InvalidRecipient)]
    [InlineData(10, 2018108, SendErrorKind.InvalidRecipient)]
    [InlineData(100, 2018001, SendErrorKind.InvalidRecipient)]
    [InlineData(10, 2018278, SendErrorKind.WindowClosed)]
    [InlineData(10, 2018065, SendErrorKind.WindowClosed)]
    [InlineData(4, null, SendErrorKind.RateLimited)]
    [InlineData(17, null, SendErrorKind.RateLimited)]
    [InlineData(32, null, SendErrorKind.RateLimited)]
    [InlineData(613, null, SendErrorKind.RateLimited)]
    [InlineData(80001, null, SendErrorKind.RateLimited)]
    [InlineData(80002, null, SendErrorKind.RateLimited)]
    [InlineData(80006, null, SendErrorKind.RateLimited)]
    [InlineData(4, 2018022, SendErrorKind.RateLimited)]
    [InlineData(9, 2018352, SendErrorKind.RateLimited)]
    [InlineData(190, 460, SendErrorKind.TokenInvalid)]
    [InlineData(102, null, SendErrorKind.TokenInvalid)]
    [InlineData(10, null, SendErrorKind.Permission)]
    [InlineData(10, 1893063, SendErrorKind.Permission)]
    [InlineData(200, 2018028, SendErrorKind.Permission)]
    [InlineData(230, null, SendErrorKind.Permission)]
    [InlineData(368, null, SendErrorKind.Permission)]
    [InlineData(2022, null, SendErrorKind.Permission)]
    [InlineData(1, null, SendErrorKind.Transient)]
    [InlineData(2, null, SendErrorKind.Transient)]
    [InlineData(1200, null, SendErrorKind.Transient)]
    [InlineData(100, null, SendErrorKind.BadRequest)]
    [InlineData(100, 2018034, SendErrorKind.BadRequest)]
    [InlineData(100, 2018109, SendErrorKind.BadRequest)]
    public void Classify_MessengerPlatformRow_MatchesPolicy(int code, int? subcode, SendErrorKind expected) =>
        Assert.Equal(expected, InstagramErrorMap.Classify(400, code, subcode));

    [Fact]
    public void Classify_Code2534068_IsBadRequest() =>
        Assert.Equal(SendErrorKind.BadRequest, InstagramErrorMap.Classify(400, 2534068, null));

    [Fact]
    public void Classify_Http503WithoutCode_IsTransient() =>
        Assert.Equal(SendErrorKind.Transient, InstagramErrorMap.Classify(503, null, null));
}
