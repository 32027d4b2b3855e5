using System.Net;
using Normalizer.Delivery;

namespace Normalizer.Tests.Delivery;

public sealed class DestinationAddressTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("169.254.0.1", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fe80::1%2", "link-local")]
    [InlineData("febf::1", "link-local")]
    [InlineData("10.0.0.1", "private")]
    [InlineData("10.255.255.255", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.254", "private")]
    [InlineData("192.168.1.10", "private")]
    [InlineData("100.64.0.1", "private")]
    [InlineData("100.100.100.200", "private")]
    [InlineData("fc00::1", "private")]
    [InlineData("fd12:3456:789a::1", "private")]
    [InlineData("fec0::1", "private")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("0.1.2.3", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("::ffff:10.1.2.3", "private")]
    [InlineData("::ffff:192.168.0.1", "private")]
    [InlineData("::ffff:0.0.0.0", "unspecified")]
    [InlineData("::127.0.0.1", "loopback")]
    [InlineData("::10.0.0.1", "private")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    [InlineData("2002:7f00:1::1", "loopback")]
    [InlineData("2002:c0a8:101::1", "private")]
    public void Refusal_NonPublicAddress_NamesItsKind(string address, string kind)
    {
        var sut = IPAddress.Parse(address);

        Assert.Equal(kind, DestinationAddress.Refusal(sut));
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("169.253.255.255")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("11.0.0.1")]
    [InlineData("126.255.255.255")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a03:2880:f10c:83:face:b00c:0:25de")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    [InlineData("fbff::1")]
    public void Refusal_PublicAddress_IsNull(string address)
    {
        var sut = IPAddress.Parse(address);

        Assert.Null(DestinationAddress.Refusal(sut));
    }
}
