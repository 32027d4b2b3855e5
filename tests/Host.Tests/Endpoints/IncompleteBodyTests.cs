using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Normalizer.Host.Tests.Endpoints;

/// <summary>A client that goes away in the middle of a body gets no 500 and leaves no error in the log: it is bad input.</summary>
public sealed class IncompleteBodyTests
{
    [Fact]
    public async Task WebhookBody_EndingBeforeItsContentLength_Is400IncompleteBody_AndNothingIsLoggedAsAFailure()
    {
        await using var app = new NormalizerApplication();
        app.UseKestrel(0);
        app.StartServer();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, address.Port);
        var request = "POST /webhooks/meta HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"object\":\"page\",";
        await socket.SendAsync(Encoding.ASCII.GetBytes(request));
        await Task.Delay(200); // the endpoint is reading the body
        socket.Shutdown(SocketShutdown.Send); // the rest of the 500 bytes never comes
        var answer = new byte[4096];
        var text = "";
        try
        {
            text = Encoding.ASCII.GetString(answer, 0, await socket.ReceiveAsync(answer));
        }
        catch (SocketException)
        {
            // Kestrel resets a connection it closes with request bytes unread: no answer to read, which is fine.
        }

        // If an answer arrives before the connection closes, it is the 400.
        Assert.True(text.Length == 0 || (text.StartsWith("HTTP/1.1 400", StringComparison.Ordinal) && text.Contains("incomplete_body")), text);
        await Task.Delay(500); // the request's end is logged after the connection closed
        Assert.DoesNotContain(app.Logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }
}
