using System.Security.Cryptography;
using System.Text;
using Normalizer.Delivery;

namespace Normalizer.Tests.Delivery;

public sealed class WebhookSignerTests
{
    // The published Standard Webhooks / Svix test vector.
    private const string VectorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string VectorId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long VectorTimestamp = 1614265330;
    private const string VectorBody = "{\"test\": 2432232314}";
    private const string VectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    [Fact]
    public void Sign_StandardWebhooksTestVector_ReproducesPublishedSignature()
    {
        var sut = WebhookSigner.Sign(VectorId, VectorTimestamp, Encoding.UTF8.GetBytes(VectorBody), VectorSecret);

        Assert.Equal(VectorSignature, sut);
    }

    [Fact]
    public void Sign_GeneratedSecret_MatchesIndependentHmac()
    {
        var secret = WebhookSecret.Generate();
        var body = Encoding.UTF8.GetBytes("{\"id\":\"evt_1\",\"text\":\"héllo\"}");

        var sut = WebhookSigner.Sign("evt_1", 1763712000, body, secret);

        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        byte[] content = [.. Encoding.UTF8.GetBytes("evt_1.1763712000."), .. body];
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
        Assert.Equal(expected, sut);
    }

    [Fact]
    public void Sign_TwoSecrets_SendsBothSignaturesSpaceSeparated()
    {
        var next = WebhookSecret.Generate();
        var body = Encoding.UTF8.GetBytes(VectorBody);

        var sut = WebhookSigner.Sign(VectorId, VectorTimestamp, body, [VectorSecret, next]);

        var parts = sut.Split(' ');
        Assert.Equal(2, parts.Length);
        Assert.Equal(VectorSignature, parts[0]);
        Assert.Equal(WebhookSigner.Sign(VectorId, VectorTimestamp, body, next), parts[1]);
    }

    [Theory]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_not-base64!")]
    [InlineData("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Sign_InvalidSecret_ThrowsWithoutEchoingIt(string secret)
    {
        var ex = Assert.Throws<ArgumentException>(() => WebhookSigner.Sign("evt_1", 1, [], secret));

        Assert.DoesNotContain(secret, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_Always_Is32BytesAfterPrefixAndValid()
    {
        var sut = WebhookSecret.Generate();

        Assert.StartsWith("whsec_", sut, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(sut[6..]).Length);
        Assert.True(WebhookSecret.IsValid(sut));
    }

    [Theory]
    [InlineData(23, false)]
    [InlineData(24, true)]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void IsValid_KeyLength_AcceptsOnly24To64Bytes(int bytes, bool valid)
    {
        var sut = WebhookSecret.IsValid("whsec_" + Convert.ToBase64String(new byte[bytes]));

        Assert.Equal(valid, sut);
    }
}
