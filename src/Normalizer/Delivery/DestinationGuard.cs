using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Normalizer.Delivery;

/// <summary>
/// The connect step of the delivery <see cref="HttpClient"/> (<see cref="SocketsHttpHandler.ConnectCallback"/>): resolves
/// the host once, checks every address it resolved to with <see cref="DestinationAddress"/>, and connects only to those
/// same addresses. Checking the address actually connected to, not the URL, means a name that resolves to a public
/// address when checked and to 127.0.0.1 when connecting (DNS rebinding) cannot get through.
/// </summary>
internal sealed class DestinationGuard(IOptionsMonitor<DeliveryOptions> options)
{
    /// <summary>The setting that lets webhooks go to loopback, link-local and private addresses.</summary>
    public const string AllowKey = $"{DeliveryOptions.Section}:{nameof(DeliveryOptions.AllowPrivateDestinations)}";

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host.TrimStart('[').TrimEnd(']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new DestinationRefusedException($"destination refused: {host} has no address");
        }

        if (!options.CurrentValue.AllowPrivateDestinations)
        {
            foreach (var address in addresses)
            {
                if (DestinationAddress.Refusal(address) is { } kind)
                {
                    var via = literal is null ? $"{host} resolves to " : "";
                    throw new DestinationRefusedException(
                        $"destination refused: {via}{address} ({kind}; allowed only with {AllowKey}=true)");
                }
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
