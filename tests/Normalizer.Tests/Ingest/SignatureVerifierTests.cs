using System.Security.Cryptography;
using System.Text;
using Normalizer.Ingest;

namespace Normalizer.Tests.Ingest;

public sealed class SignatureVerifierTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"object\":\"page\",\"entry\":[]}");
    private static readonly byte[][] Secrets = [Encoding.UTF8.GetBytes("first-secret"), Encoding.UTF8.GetBytes("second-secret")];

    private static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    [Theory]
    [InlineData("first-secret")]
    [InlineData("second-secret")]
    public void Verify_SignedWithAnyConfiguredSecret_IsTrue(string secret)
    {
        Assert.True(SignatureVerifier.Verify(Body, Sign(secret, Body), Secrets));
    }

    [Fact]
    public void Verify_UppercaseHex_IsTrue()
    {
        Assert.True(SignatureVerifier.Verify(Body, "sha256=" + Sign("first-secret", Body)[7..].ToUpperInvariant(), Secrets));
    }

    [Fact]
    public void Verify_OtherSecretOrOtherBody_IsFalse()
    {
        Assert.False(SignatureVerifier.Verify(Body, Sign("third-secret", Body), Secrets));
        Assert.False(SignatureVerifier.Verify(Body, Sign("first-secret", [.. Body, (byte)' ']), Secrets));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha256=abc")]
    [InlineData("sha1=0123456789012345678901234567890123456789")]
    [InlineData("sha256=zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    [InlineData(" sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha256=00000000000000000000000000000000000000000000000000000000000000000")]
    public void Verify_MalformedHeader_IsFalseWithoutThrowing(string? header)
    {
        Assert.False(SignatureVerifier.Verify(Body, header, Secrets));
    }

    [Fact]
    public void Verify_NoSecretsConfigured_IsFalse()
    {
        Assert.False(SignatureVerifier.Verify(Body, Sign("first-secret", Body), []));
    }
}
