using System.Net;
using System.Net.Sockets;

namespace Normalizer.Delivery;

/// <summary>
/// Which addresses a webhook may not be sent to unless <see cref="DeliveryOptions.AllowPrivateDestinations"/> is set:
/// the host itself, its link (cloud metadata services answer on 169.254.169.254), private networks and addresses that
/// are no single host. Without this check, whoever holds an API key could make the host POST into its own network.
/// IPv6 forms that carry an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4) are judged by that address.
/// </summary>
internal static class DestinationAddress
{
    /// <summary>What kind of address this is when refused (e.g. <c>loopback</c>), null when it is a public address.</summary>
    public static string? Refusal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IPv4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IPv6(address.GetAddressBytes()),
            _ => "non-IP",
        };
    }

    private static string? IPv4(ReadOnlySpan<byte> a) => a switch
    {
        [0, ..] => "unspecified",                                   // 0.0.0.0/8, "this network" (RFC 1122)
        [127, ..] => "loopback",                                    // 127.0.0.0/8
        [169, 254, ..] => "link-local",                             // 169.254.0.0/16, incl. 169.254.169.254
        [10, ..] => "private",                                      // RFC 1918
        [172, >= 16 and <= 31, ..] => "private",                    // RFC 1918
        [192, 168, ..] => "private",                                // RFC 1918
        [100, >= 64 and <= 127, ..] => "private",                   // 100.64.0.0/10, shared address space (RFC 6598)
        [>= 224 and <= 239, ..] => "multicast",                     // 224.0.0.0/4
        [>= 240, ..] => "reserved",                                 // 240.0.0.0/4 and 255.255.255.255
        _ => null,
    };

    private static string? IPv6(byte[] a)
    {
        var span = a.AsSpan();
        if (span[..12].IndexOfAnyExcept((byte)0) < 0)
        {
            // ::, ::1, then the deprecated IPv4-compatible ::a.b.c.d.
            return span[12..15].IndexOfAnyExcept((byte)0) < 0 && span[15] is 0 or 1
                ? (span[15] == 0 ? "unspecified" : "loopback")
                : IPv4(span[12..]);
        }

        if (span[..10].IndexOfAnyExcept((byte)0) < 0 && span[10] == 0xff && span[11] == 0xff)
        {
            return IPv4(span[12..]);                                // ::ffff:a.b.c.d, IPv4-mapped
        }

        if (span[..12].SequenceEqual(Nat64Prefix))
        {
            return IPv4(span[12..]);                                // 64:ff9b::a.b.c.d, NAT64 (RFC 6052)
        }

        return span switch
        {
            [0x20, 0x02, ..] => IPv4(span[2..6]),                   // 2002:a.b.c.d::/48, 6to4 (RFC 3056)
            [0xfe, >= 0x80 and <= 0xbf, ..] => "link-local",        // fe80::/10
            [0xfe, >= 0xc0, ..] => "private",                       // fec0::/10, deprecated site-local
            [>= 0xfc and <= 0xfd, ..] => "private",                 // fc00::/7, unique local (RFC 4193)
            [0xff, ..] => "multicast",                              // ff00::/8
            _ => null,
        };
    }

    private static ReadOnlySpan<byte> Nat64Prefix => [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];
}
