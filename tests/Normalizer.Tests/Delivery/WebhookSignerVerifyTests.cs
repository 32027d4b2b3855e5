using System.Security.Cryptography;
using System.Text;
using Normalizer.Delivery;

namespace Normalizer.Tests.Delivery;

public sealed class WebhookSignerVerifyTests
{
    private static readonly string Secret = "whsec_" + Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string Other = "whsec_" + Convert.ToBase64String(Enumerable.Range(2, 32).Select(i => (byte)i).ToArray());
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"id\":\"evt_1\"}");
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1763712000);

    // Independent of the signer: HMAC-SHA256(decoded secret, "{id}.{ts}.{body}") in base64.
    private static string Signature(string secret, string id, long ts) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret["whsec_".Length..]),
            (byte[])[.. Encoding.UTF8.GetBytes($"{id}.{ts}."), .. Body]));

    [Fact]
    public void Verify_ValidSignature_IsTrue()
    {
        Assert.True(WebhookSigner.Verify("evt_1", "1763712000", Body, Signature(Secret, "evt_1", 1763712000), Secret, Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Verify_RotationWithSeveralSignatures_MatchesAny()
    {
        var header = Signature(Other, "evt_1", 1763712000) + " " + Signature(Secret, "evt_1", 1763712000);

        Assert.True(WebhookSigner.Verify("evt_1", "1763712000", Body, header, Secret, Now, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData("evt_1", 1763712000, "evt_2", "1763712000")]
    [InlineData("evt_1", 1763712000, "evt_1", "1763712001")]
    [InlineData("evt_1", 1763711600, "evt_1", "1763711600")]
    [InlineData("evt_1", 1763712000, "evt_1", "abc")]
    public void Verify_OtherIdOtherTimestampStaleOrGarbled_IsFalse(string signedId, long signedTs, string id, string timestamp)
    {
        var signature = Signature(Secret, signedId, signedTs);

        Assert.False(WebhookSigner.Verify(id, timestamp, Body, signature, Secret, Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Verify_WrongSecretOrMissingHeader_IsFalse()
    {
        Assert.False(WebhookSigner.Verify("evt_1", "1763712000", Body, Signature(Other, "evt_1", 1763712000), Secret, Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSigner.Verify("evt_1", "1763712000", Body, null, Secret, Now, TimeSpan.FromMinutes(5)));
    }
}
