using Normalizer.Channels.WhatsApp;
using Normalizer.Sending;

namespace Normalizer.Channels.WhatsApp.Tests;

/// <summary>One row per entry of Meta's WhatsApp Cloud API error codes, classes from Meta: retry guidance.</summary>
public sealed class WhatsAppErrorMapTests
{
    [Theory]
    [InlineData(131026)]
    [InlineData(131030)]
    [InlineData(133010)]
    public void Classify_RecipientCodes_IsInvalidRecipient(int code) =>
        Assert.Equal(SendErrorKind.InvalidRecipient, WhatsAppErrorMap.Classify(400, code, null));

    [Fact]
    public void Classify_Code131047_IsWindowClosed() =>
        Assert.Equal(SendErrorKind.WindowClosed, WhatsAppErrorMap.Classify(400, 131047, null));

    [Fact]
    public void Classify_Code131050_IsOptedOut() =>
        Assert.Equal(SendErrorKind.OptedOut, WhatsAppErrorMap.Classify(400, 131050, null));

    [Theory]
    [InlineData(4, 429)]
    [InlineData(80007, 400)]
    [InlineData(130429, 429)]
    [InlineData(131056, 400)]
    [InlineData(131048, 400)]
    public void Classify_RateLimitCodes_IsRateLimited(int code, int status) =>
        Assert.Equal(SendErrorKind.RateLimited, WhatsAppErrorMap.Classify(status, code, null));

    [Fact]
    public void Classify_Code130429WithSubcode_IsRateLimited() =>
        Assert.Equal(SendErrorKind.RateLimited, WhatsAppErrorMap.Classify(400, 130429, 2494055));

    [Theory]
    [InlineData(0)]
    [InlineData(190)]
    public void Classify_TokenCodes_IsTokenInvalid(int code) =>
        Assert.Equal(SendErrorKind.TokenInvalid, WhatsAppErrorMap.Classify(401, code, null));

    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(200)]
    [InlineData(250)]
    [InlineData(299)]
    [InlineData(368)]
    [InlineData(131031)]
    [InlineData(131005)]
    [InlineData(131042)]
    [InlineData(131045)]
    [InlineData(131049)]
    public void Classify_PermissionCodes_IsPermission(int code) =>
        Assert.Equal(SendErrorKind.Permission, WhatsAppErrorMap.Classify(400, code, null));

    [Theory]
    [InlineData(131000)]
    [InlineData(131016)]
    [InlineData(131057)]
    [InlineData(131052)]
    [InlineData(131053)]
    public void Classify_TransientCodes_IsTransient(int code) =>
        Assert.Equal(SendErrorKind.Transient, WhatsAppErrorMap.Classify(400, code, null));

    [Theory]
    [InlineData(100)]
    [InlineData(131008)]
    [InlineData(131009)]
    [InlineData(131051)]
    [InlineData(131021)]
    [InlineData(131062)]
    [InlineData(132000)]
    [InlineData(132001)]
    [InlineData(132005)]
    [InlineData(132007)]
    [InlineData(132008)]
    [InlineData(132012)]
    [InlineData(132015)]
    [InlineData(132016)]
    [InlineData(132068)]
    [InlineData(132069)]
    [InlineData(135000)]
    public void Classify_PayloadCodes_IsBadRequest(int code) =>
        Assert.Equal(SendErrorKind.BadRequest, WhatsAppErrorMap.Classify(400, code, null));

    [Theory]
    [InlineData(0, SendErrorKind.Transient)]
    [InlineData(500, SendErrorKind.Transient)]
    [InlineData(503, SendErrorKind.Transient)]
    [InlineData(429, SendErrorKind.RateLimited)]
    [InlineData(401, SendErrorKind.TokenInvalid)]
    [InlineData(403, SendErrorKind.Permission)]
    [InlineData(400, SendErrorKind.BadRequest)]
    public void Classify_NoCode_FallsBackOnHttpStatus(int status, SendErrorKind expected) =>
        Assert.Equal(expected, WhatsAppErrorMap.Classify(status, null, null));
}
