using System.Text;
using Normalizer.Ids;

namespace Normalizer.Tests.Ids;

public sealed class Sha256Tests
{
    // FIPS 180-2 test vectors (appendix B) and the empty message.
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void HashData_StandardVectors_GivesTheirDigest(string message, string digest)
    {
        var hash = new byte[Sha256.Length];

        Sha256.HashData(Encoding.ASCII.GetBytes(message), hash);

        Assert.Equal(digest, Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void HashData_MillionA_GivesTheStandardDigest()
    {
        var hash = new byte[Sha256.Length];

        Sha256.HashData(Enumerable.Repeat((byte)'a', 1_000_000).ToArray(), hash);

        Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void HashData_EveryLengthAroundTheBlocks_AgreesWithDotNet()
    {
        var input = new byte[300];
        new Random(7).NextBytes(input);
        var hash = new byte[Sha256.Length];

        for (var length = 0; length <= input.Length; length++)
        {
            Sha256.HashData(input.AsSpan(0, length), hash);
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(input.AsSpan(0, length)), hash);
        }
    }

    [Fact]
    public void HashData_DestinationTooShort_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => Sha256.HashData([1, 2, 3], new byte[31]));
    }

    [Fact]
    public void IsNative_OnLinux_CallsOpenSslDirectly()
    {
        // .NET on Linux needs OpenSSL's libcrypto itself, so its digest functions are there to call.
        Assert.Equal(OperatingSystem.IsLinux(), Sha256.IsNative);
    }
}
