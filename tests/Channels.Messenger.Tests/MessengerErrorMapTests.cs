using Normalizer.Channels.Messenger;
using Normalizer.Sending;

namespace Normalizer.Channels.Messenger.Tests;

/// <summary>One row per entry of Meta's Graph API error codes/Meta: Messenger Platform error codes, classes from Meta: retry guidance.</summary>
public sealed class MessengerErrorMapTests
{
    [Theory]
    [InlineData(551, null)]                    // Classify_Code551_IsInvalidRecipient
    [InlineData(551, 1545041)]
    [InlineData(200, 1545041)]
    [InlineData(10, 2018108)]
    [InlineData(100, 2018001)]
    public void Classify_RecipientGoneCodes_IsInvalidRecipient(int code, int? subcode) =>
        Assert.Equal(SendErrorKind.InvalidRecipient, MessengerErrorMap.Classify(400, code, subcode));

    [Theory]
    [InlineData(10, 2018278)]
    [InlineData(10, 2018065)]
    public void Classify_OutsideWindow_IsWindowClosed(int code, int subcode) =>
        Assert.Equal(SendErrorKind.WindowClosed, MessengerErrorMap.Classify(400, code, subcode));

    [Theory]
    [InlineData(4, null)]
    [InlineData(17, null)]
    [InlineData(32, null)]
    [InlineData(341, null)]
    [InlineData(613, null)]
    [InlineData(613, 1996)]
    [InlineData(80001, null)]
    [InlineData(80002, null)]
    [InlineData(80006, null)]
    [InlineData(4, 2018022)]
    [InlineData(4, 2018354)]
    [InlineData(9, 2018352)]
    public void Classify_RateLimitCodes_IsRateLimited(int code, int? subcode) =>
        Assert.Equal(SendErrorKind.RateLimited, MessengerErrorMap.Classify(400, code, subcode));

    [Theory]
    [InlineData(190, null)]
    [InlineData(190, 458)]
    [InlineData(190, 459)]
    [InlineData(190, 460)]
    [InlineData(190, 463)]
    [InlineData(190, 464)]
    [InlineData(190, 467)]
    [InlineData(190, 492)]
    [InlineData(102, null)]
    public void Classify_TokenCodes_IsTokenInvalid(int code, int? subcode) =>
        Assert.Equal(SendErrorKind.TokenInvalid, MessengerErrorMap.Classify(400, code, subcode));

    [Theory]
    [InlineData(10, null)]
    [InlineData(10, 1893063)]
    [InlineData(3, null)]
    [InlineData(200, null)]
    [InlineData(200, 2018028)]
    [InlineData(200, 2018027)]
    [InlineData(200, 2018021)]
    [InlineData(299, null)]
    [InlineData(230, null)]
    [InlineData(368, null)]
    [InlineData(2022, null)]
    [InlineData(2, 2018344)]
    public void Classify_PermissionCodes_IsPermission(int code, int? subcode) =>
        Assert.Equal(SendErrorKind.Permission, MessengerErrorMap.Classify(400, code, subcode));

    [Theory]
    [InlineData(1, null)]
    [InlineData(1, 99)]
    [InlineData(2, null)]
    [InlineData(1200, null)]
    public void Classify_TransientCodes_IsTransient(int code, int? subcode) =>
        Assert.Equal(SendErrorKind.Transient, MessengerErrorMap.Classify(400, code, subcode));

    [Theory]
    [InlineData(100, null)]
    [InlineData(100, 33)]
    [InlineData(100, 2018034)]
    [InlineData(100, 2018109)]
    [InlineData(1, 1357046)]
    [InlineData(10900, null)]
    [InlineData(10903, null)]
    [InlineData(2018218, null)]
    public void Classify_PayloadCodes_IsBadRequest(int code, int? subcode) =>
        Assert.Equal(SendErrorKind.BadRequest, MessengerErrorMap.Classify(400, code, subcode));

    [Theory]
    [InlineData(0, SendErrorKind.Transient)]
    [InlineData(500, SendErrorKind.Transient)]
    [InlineData(502, SendErrorKind.Transient)]
    [InlineData(503, SendErrorKind.Transient)]
    [InlineData(408, SendErrorKind.Transient)]
    [InlineData(429, SendErrorKind.RateLimited)]
    [InlineData(401, SendErrorKind.TokenInvalid)]
    [InlineData(403, SendErrorKind.Permission)]
    [InlineData(404, SendErrorKind.BadRequest)]
    public void Classify_NoCode_FallsBackOnHttpStatus(int status, SendErrorKind expected) =>
        Assert.Equal(expected, MessengerErrorMap.Classify(status, null, null));

    [Fact]
    public void Classify_UnknownCodeWith5xx_IsTransient() =>
        Assert.Equal(SendErrorKind.Transient, MessengerErrorMap.Classify(500, 999999, null));

    [Fact]
    public void Classify_KnownCodeWith5xx_KeysOnCode() =>
        Assert.Equal(SendErrorKind.TokenInvalid, MessengerErrorMap.Classify(500, 190, null));

    [Fact]
    public void Classify_Code551_IsInvalidRecipient() =>
        Assert.Equal(SendErrorKind.InvalidRecipient, MessengerErrorMap.Classify(400, 551, 1545041));

    [Fact]
    public void Classify_Code190_IsTokenInvalid() =>
        Assert.Equal(SendErrorKind.TokenInvalid, MessengerErrorMap.Classify(400, 190, null));

    [Fact]
    public void Classify_Code613_IsRateLimited() =>
        Assert.Equal(SendErrorKind.RateLimited, MessengerErrorMap.Classify(400, 613, null));
}
